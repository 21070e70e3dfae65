using CivicGrid.Data;
using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Demo;

/// <summary>Gives every matter type of the catalogue a case standard (立结案标准): the named ones from
/// <see cref="DemoCaseStandardTable"/>, the rest a sensible default for their major class.</summary>
internal static class DemoCaseStandards
{
    public static async Task<int> CreateAsync(CivicGridDbContext db, DemoDepartmentDirectory departments, CancellationToken cancellationToken)
    {
        var matters = await db.CatalogueTypes.AsNoTracking()
            .Where(t => t.Kind == CatalogueKind.Matter)
            .OrderBy(t => t.Code)
            .Select(t => new { t.Code, t.Name })
            .ToListAsync(cancellationToken);
        var named = DemoCaseStandardTable.Rows.ToDictionary(r => r.TypeCode);
        var standards = matters.Select(m => named.GetValueOrDefault(m.Code) ?? Default(m.Code, m.Name))
            .Select(row => new CaseStandard
            {
                Kind = CatalogueKind.Matter, TypeCode = row.TypeCode, RegistrationCondition = row.Registration,
                ClosingCondition = row.Closing, DepartmentRule = row.Rule, DepartmentId = departments[row.Department],
                TimeType = row.TimeType, TimeLimitAmount = row.Amount, IsUrgent = row.IsUrgent,
            })
            .ToList();
        db.CaseStandards.AddRange(standards);
        await db.SaveChangesAsync(cancellationToken);
        return standards.Count;
    }

    /// <summary>Abnormal components (classes 01–05) go to the component's maintainer within 3 working days; other
    /// matters to the district where they happen within 5 working days.</summary>
    private static DemoCaseStandardRow Default(string code, string name)
    {
        var abnormalComponent = string.CompareOrdinal(code, "06") < 0;
        var fallback = code[..2] switch
        {
            "02" => DemoDepartments.Transport,
            "03" => DemoDepartments.Sanitation,
            "04" => DemoDepartments.Landscaping,
            "01" => DemoDepartments.Municipal,
            _ => DemoDepartments.Enforcement,
        };
        var subject = name.EndsWith("异常", StringComparison.Ordinal) ? name[..^2] : name;
        return abnormalComponent
            ? new(code, $"{subject}缺失、破损、污损或功能异常", $"{subject}修复或更换完好，恢复正常使用",
                HandlingDepartmentRule.ComponentMaintainer, fallback, TimeType.WorkDay, 3)
            : new(code, $"发现{name}问题，经核实属实", $"{name}问题已处置完毕，现场恢复正常",
                HandlingDepartmentRule.DistrictOfCase, fallback, TimeType.WorkDay, 5);
    }
}
