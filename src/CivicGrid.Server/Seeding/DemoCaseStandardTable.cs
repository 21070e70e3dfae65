using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Catalogue;
using static CivicGrid.Server.Seeding.DemoDepartments;

namespace CivicGrid.Server.Seeding;

/// <summary>One row of the demo 立结案标准: the conditions, the handling rule and department (a department code) and
/// the time limit (minutes for hour types, days for day types).</summary>
internal sealed record DemoCaseStandardRow(
    string TypeCode, string Registration, string Closing, HandlingDepartmentRule Rule, string Department,
    TimeType TimeType, int Amount, bool IsUrgent = false);

/// <summary>The demo city's case standards for the matters it knows by name (docs/domain/workflow-and-time-limits.md §9: a missing sewer cover 2 h,
/// an open-air barbecue 1 h, street lamps 1 working day, others 1, 3, 5 or 15 days).</summary>
internal static class DemoCaseStandardTable
{
    private const HandlingDepartmentRule Maintainer = HandlingDepartmentRule.ComponentMaintainer;
    private const HandlingDepartmentRule Owner = HandlingDepartmentRule.ComponentOwner;
    private const HandlingDepartmentRule Fixed = HandlingDepartmentRule.FixedDepartment;
    private const HandlingDepartmentRule Local = HandlingDepartmentRule.DistrictOfCase;
    private const string CoverRegistration = "井盖缺失、破损、移位、下沉或松动异响";
    private const string CoverClosing = "井盖归位或更换完好，与路面平顺，周边无安全隐患";

    public static IReadOnlyList<DemoCaseStandardRow> Rows { get; } =
    [
        new("01001", CoverRegistration, CoverClosing, Maintainer, Municipal, TimeType.UrgentHour, 120, true),
        new("01002", "污水井盖缺失、破损、移位或污水冒溢", CoverClosing, Maintainer, Municipal, TimeType.UrgentHour, 120, true),
        new("01003", CoverRegistration, CoverClosing, Maintainer, Municipal, TimeType.UrgentHour, 120, true),
        new("01004", "雨水箅子缺失、破损或堵塞", "箅子归位或更换完好，排水通畅", Maintainer, Municipal, TimeType.UrgentHour, 120, true),
        new("01005", CoverRegistration, CoverClosing, Maintainer, Municipal, TimeType.UrgentHour, 120, true),
        new("01011", "燃气井盖缺失、破损、移位或有燃气异味", CoverClosing, Maintainer, Municipal, TimeType.UrgentHour, 120, true),
        new("01013", "消火栓等消防设施缺失、损坏、漏水或被圈占", "消防设施恢复完好可用", Owner, WaterSupply, TimeType.WorkDay, 1),
        new("01023", "权属不明井盖缺失、破损或移位", CoverClosing, Maintainer, Municipal, TimeType.UrgentHour, 120, true),
        new("01030", "电力立杆倾斜、破损或线缆垂落", "立杆扶正或更换，线缆规整", Owner, Power, TimeType.WorkDay, 3),
        new("01037", "连续三盏以上路灯不亮，或灯杆倾斜、破损、灯具脱落", "路灯恢复正常照明，灯杆灯具完好", Maintainer, Municipal, TimeType.WorkDay, 1),
        new("01060", "路灯配电箱箱门缺失、破损或线路外露", "配电箱完好、上锁，无线路外露", Maintainer, Municipal, TimeType.WorkHour, 240),
        new("01072", "排水泵站设施损坏或运行异常", "泵站恢复正常运行", Owner, Drainage, TimeType.WorkDay, 1),
        new("02004", "公交站亭、站牌破损、污损或缺失", "站亭站牌完好整洁", Maintainer, Transport, TimeType.WorkDay, 3),
        new("02010", "交通标志牌缺失、破损、倾斜或标线模糊", "标志牌完好、标线清晰", Maintainer, TrafficPolice, TimeType.WorkDay, 5),
        new("02014", "交通信号灯不亮、故障或灯杆倾斜", "信号灯恢复正常运行", Maintainer, TrafficPolice, TimeType.UrgentHour, 120, true),
        new("02017", "交通护栏缺失、破损或倾倒", "护栏修复或更换完好", Maintainer, TrafficPolice, TimeType.WorkDay, 3),
        new("03001", "公共厕所设施损坏、不开放或卫生脏乱", "设施完好、正常开放、保洁达标", Maintainer, Sanitation, TimeType.WorkDay, 1),
        new("03003", "化粪池满溢、盖板破损或缺失", "化粪池清掏完毕，盖板完好", Maintainer, Sanitation, TimeType.WorkHour, 240),
        new("03005", "垃圾箱破损、缺失或严重污损", "垃圾箱修复或更换，箱体整洁", Maintainer, Sanitation, TimeType.WorkDay, 1),
        new("04001", "古树名木受损、病虫害或倾斜有倒伏危险", "古树名木得到救护、加固，无安全隐患", Fixed, Landscaping, TimeType.WorkDay, 3),
        new("04002", "行道树倒伏、断枝、枯死或缺株", "扶正、修剪、清理或补植完毕", Maintainer, Landscaping, TimeType.WorkDay, 3),
        new("04013", "绿地被毁、踩踏、黄土裸露或堆放杂物", "绿地恢复，杂物清理", Maintainer, Landscaping, TimeType.WorkDay, 5),
        new("06001", "未经批准在公共场所或房前屋后私搭乱建", "违法搭建已拆除，现场清理干净", Local, Enforcement, TimeType.WorkDay, 15),
        new("06010", "道路、绿地、水域等公共区域有暴露垃圾、积存垃圾渣土", "垃圾清运完毕，现场干净", Local, Sanitation, TimeType.WorkDay, 1),
        new("06013", "道路路面坑槽、塌陷、松散或人行道板缺失", "路面修复平整，通行安全", Fixed, Municipal, TimeType.WorkDay, 5),
        new("06027", "餐饮单位未安装油烟净化设施或油烟直排", "安装净化设施或停止直排", Local, Enforcement, TimeType.WorkDay, 5),
        new("06028", "商业经营、娱乐场所等噪声扰民", "噪声消除或降至标准以内", Local, Enforcement, TimeType.WorkDay, 1),
        new("06029", "在城市道路、广场等公共场所露天烧烤", "露天烧烤已取缔，现场清理干净", Local, Enforcement, TimeType.UrgentHour, 60, true),
        new("06040", "在公共道路、公共停车位私设地锁", "地锁已拆除", Local, Enforcement, TimeType.WorkDay, 5),
        new("06041", "生活垃圾未按要求分类投放", "垃圾已分类，责任人已教育整改", Local, Sanitation, TimeType.WorkDay, 3),
        new("06042", "垃圾站、垃圾箱满溢，垃圾散落地面", "满溢垃圾清运完毕，周边干净", Local, Sanitation, TimeType.WorkHour, 240),
        new("07001", "在建筑物、公共设施上乱张贴、乱涂写、乱刻画", "小广告清除，墙面设施恢复整洁", Local, Enforcement, TimeType.WorkDay, 1),
        new("07003", "未经批准或超期设置户外广告，或广告破损", "违规广告拆除或整改到位", Local, Enforcement, TimeType.WorkDay, 5),
        new("07006", "牌匾标识破损、残缺、不亮或未经批准设置", "牌匾标识整改或拆除", Local, Enforcement, TimeType.WorkDay, 5),
        new("08001", "施工单位在夜间或禁止时段施工扰民", "停止违规施工", Local, Enforcement, TimeType.WorkHour, 120),
        new("08004", "施工工地未围挡、未覆盖、未洒水造成扬尘", "落实围挡、覆盖、洒水等防尘措施", Local, Enforcement, TimeType.WorkDay, 1),
        new("08011", "渣土运输车辆未密闭、撒漏或带泥上路", "车辆已查处，撒漏路面清理干净", Fixed, Enforcement, TimeType.WorkHour, 120),
        new("08016", "未取得建设工程规划许可证进行建设", "违法建设已拆除或依法处理完毕", Local, Enforcement, TimeType.WorkDay, 15),
        new("09001", "无照经营流动摊贩占用公共场所", "摊贩已劝离，现场无遗留", Local, Enforcement, TimeType.WorkHour, 60),
        new("09005", "临街店铺超出门窗外墙经营", "经营物品已收回店内", Local, Enforcement, TimeType.WorkDay, 1),
        new("09006", "占用城市道路、桥梁、广场等公共场所经营", "占道经营已清除", Local, Enforcement, TimeType.WorkDay, 1),
        new("09009", "机动车在人行道、绿地等禁停区域乱停放", "车辆已驶离或依法处理", Fixed, CityPolice, TimeType.WorkHour, 120),
        new("09011", "共享单车乱停乱放、堆积或损坏未清理", "车辆已规整或清运", Fixed, Transport, TimeType.WorkDay, 1),
        new("09012", "占用、堵塞消防通道", "消防通道已清理畅通", Fixed, CityPolice, TimeType.UrgentHour, 60, true),
        new("10001", "道路积雪结冰影响通行", "积雪结冰已清除，通行安全", Fixed, Municipal, TimeType.UrgentHour, 240, true),
        new("10002", "架空线缆脱落、垂落或断线", "线缆已整理固定或拆除", Fixed, Telecom, TimeType.UrgentHour, 240, true),
        new("80001", "道路积水深度超过 10 厘米影响通行", "积水已排除，道路通行正常", Fixed, Drainage, TimeType.UrgentHour, 120, true),
        new("80002", "积水、垃圾等形成蚊蝇鼠蟑孳生地", "孳生地已清除，消杀完毕", Local, Sanitation, TimeType.WorkDay, 3),
        new("80003", "垃圾转运站设施损坏、满溢或臭味扰民", "设施修复、垃圾清运，周边整洁", Maintainer, Sanitation, TimeType.WorkDay, 1),
    ];
}
