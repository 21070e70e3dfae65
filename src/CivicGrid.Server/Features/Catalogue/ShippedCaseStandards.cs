using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Catalogue;

namespace CivicGrid.Server.Features.Catalogue;

/// <summary>The case standards (立结案标准) CivicGrid ships: the handling rules the brief names (docs/domain/workflow-and-time-limits.md §9: a missing
/// cover 2 h, street lamps 1 working day, an open-air barbecue 1 h), the shipped extension types, and a default per
/// major class for every other type of the standard classes. They name no department (a new city has none yet): the
/// rule finds the component's maintainer or the district's unit, otherwise the dispatcher chooses. Administrators
/// replace them per type; types of other classes get none and are not offered until one is saved (docs/adr/0014).</summary>
public static class ShippedCaseStandards
{
    private const HandlingDepartmentRule Maintainer = HandlingDepartmentRule.ComponentMaintainer;
    private const HandlingDepartmentRule Local = HandlingDepartmentRule.DistrictOfCase;
    private const HandlingDepartmentRule Dispatcher = HandlingDepartmentRule.DispatcherChoice;
    private const string CoverRegistration = "井盖缺失、破损、移位、下沉或松动异响";
    private const string CoverClosing = "井盖归位或更换完好，与路面平顺，周边无安全隐患";

    private sealed record Row(string Registration, string Closing, HandlingDepartmentRule Rule, TimeType TimeType, int Amount, bool IsUrgent = false);

    /// <summary>Named rows for component types and their abnormal-component matters (the same code in classes 01–05).</summary>
    private static readonly Dictionary<string, Row> Components = new(StringComparer.Ordinal)
    {
        ["01001"] = new(CoverRegistration, CoverClosing, Maintainer, TimeType.UrgentHour, 120, true),
        ["01002"] = new("污水井盖缺失、破损、移位或污水冒溢", CoverClosing, Maintainer, TimeType.UrgentHour, 120, true),
        ["01003"] = new(CoverRegistration, CoverClosing, Maintainer, TimeType.UrgentHour, 120, true),
        ["01004"] = new("雨水箅子缺失、破损或堵塞", "箅子归位或更换完好，排水通畅", Maintainer, TimeType.UrgentHour, 120, true),
        ["01005"] = new(CoverRegistration, CoverClosing, Maintainer, TimeType.UrgentHour, 120, true),
        ["01011"] = new("燃气井盖缺失、破损、移位或有燃气异味", CoverClosing, Maintainer, TimeType.UrgentHour, 120, true),
        ["01023"] = new("权属不明井盖缺失、破损或移位", CoverClosing, Maintainer, TimeType.UrgentHour, 120, true),
        ["01037"] = new("连续三盏以上路灯不亮，或灯杆倾斜、破损、灯具脱落", "路灯恢复正常照明，灯杆灯具完好", Maintainer, TimeType.WorkDay, 1),
        ["02014"] = new("交通信号灯不亮、故障或灯杆倾斜", "信号灯恢复正常运行", Maintainer, TimeType.UrgentHour, 120, true),
        ["80001"] = new("积水监测点设备损坏或道路积水深度超过 10 厘米", "设备恢复监测，积水已排除", Maintainer, TimeType.UrgentHour, 120, true),
        ["80002"] = new("病媒生物防制设施缺失、破损或失效", "设施修复或补设完毕", Maintainer, TimeType.WorkDay, 3),
        ["80003"] = new("垃圾转运站设施损坏、满溢或臭味扰民", "设施修复、垃圾清运，周边整洁", Maintainer, TimeType.WorkDay, 1),
    };

    /// <summary>Named rows for matters of classes 06–10 and the shipped extension matters.</summary>
    private static readonly Dictionary<string, Row> Matters = new(StringComparer.Ordinal)
    {
        ["06001"] = new("未经批准在公共场所或房前屋后私搭乱建", "违法搭建已拆除，现场清理干净", Local, TimeType.WorkDay, 15),
        ["06010"] = new("道路、绿地、水域等公共区域有暴露垃圾、积存垃圾渣土", "垃圾清运完毕，现场干净", Local, TimeType.WorkDay, 1),
        ["06029"] = new("在城市道路、广场等公共场所露天烧烤", "露天烧烤已取缔，现场清理干净", Local, TimeType.UrgentHour, 60, true),
        ["08016"] = new("未取得建设工程规划许可证进行建设", "违法建设已拆除或依法处理完毕", Local, TimeType.WorkDay, 15),
        ["09012"] = new("占用、堵塞消防通道", "消防通道已清理畅通", Dispatcher, TimeType.UrgentHour, 60, true),
        ["80001"] = new("道路积水深度超过 10 厘米影响通行", "积水已排除，道路通行正常", Dispatcher, TimeType.UrgentHour, 120, true),
        ["80002"] = new("积水、垃圾等形成蚊蝇鼠蟑孳生地", "孳生地已清除，消杀完毕", Local, TimeType.WorkDay, 3),
        ["80003"] = new("垃圾转运站设施损坏、满溢或臭味扰民", "设施修复、垃圾清运，周边整洁", Maintainer, TimeType.WorkDay, 1),
    };

    /// <summary>Default working days per component major class (01 municipal facilities … 05 other).</summary>
    private static readonly Dictionary<string, int> ComponentClassDays = new(StringComparer.Ordinal)
    {
        ["01"] = 3, ["02"] = 3, ["03"] = 1, ["04"] = 5, ["05"] = 5,
    };

    /// <summary>The shipped standard for a type, or null when the type's class has none (local extension classes).</summary>
    public static CaseStandard? For(CatalogueKind kind, string code, string name)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(name);
        var major = code[..2];
        var componentLike = ComponentClassDays.ContainsKey(major);
        var row = kind == CatalogueKind.Component
            ? Components.GetValueOrDefault(code) ?? (componentLike ? ComponentDefault(name, major) : null)
            : Matters.GetValueOrDefault(code) ?? (componentLike ? Components.GetValueOrDefault(code) ?? ComponentDefault(Subject(name), major)
                : IsStandardMatterClass(major) ? MatterDefault(name) : null);
        return row is null ? null : new CaseStandard
        {
            Kind = kind, TypeCode = code, RegistrationCondition = row.Registration, ClosingCondition = row.Closing,
            DepartmentRule = row.Rule, TimeType = row.TimeType, TimeLimitAmount = row.Amount, IsUrgent = row.IsUrgent,
        };
    }

    /// <summary>A damaged component goes to its maintainer within its class's working days.</summary>
    private static Row ComponentDefault(string subject, string major) =>
        new($"{subject}缺失、破损、污损或功能异常", $"{subject}修复或更换完好，恢复正常使用", Maintainer, TimeType.WorkDay, ComponentClassDays[major]);

    /// <summary>Other matters (classes 06–10) go to the district where they happen within 5 working days.</summary>
    private static Row MatterDefault(string name) =>
        new($"发现{name}问题，经核实属实", $"{name}问题已处置完毕，现场恢复正常", Local, TimeType.WorkDay, 5);

    private static bool IsStandardMatterClass(string major) => major is "06" or "07" or "08" or "09" or "10";

    private static string Subject(string name) => name.EndsWith("异常", StringComparison.Ordinal) ? name[..^2] : name;
}
