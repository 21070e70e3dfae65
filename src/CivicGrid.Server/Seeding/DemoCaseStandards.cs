using CivicGrid.Data;
using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Seeding;

/// <summary>Gives every type of the catalogue the demo city's case standard (立结案标准), replacing the shipped one
/// (<see cref="Catalogue.ShippedCaseStandards"/>): the named ones from <see cref="DemoCaseStandardTable"/> (a component
/// type takes the row of its abnormal-component matter), the rest a sensible default for their major class, each with
/// a demo department.</summary>
internal static class DemoCaseStandards
{
    public static async Task<int> CreateAsync(CivicGridDbContext db, DemoDepartmentDirectory departments, CancellationToken cancellationToken)
    {
        var types = await db.CatalogueTypes.AsNoTracking()
            .OrderBy(t => t.Kind).ThenBy(t => t.Code)
            .Select(t => new { t.Kind, t.Code, t.Name })
            .ToListAsync(cancellationToken);
        var existing = await db.CaseStandards.ToDictionaryAsync(s => (s.Kind, s.TypeCode), cancellationToken);
        var named = DemoCaseStandardTable.Rows.ToDictionary(r => r.TypeCode);
        foreach (var type in types)
        {
            var row = named.GetValueOrDefault(type.Code) ?? Default(type.Code, type.Name);
            if (!existing.TryGetValue((type.Kind, type.Code), out var standard))
            {
                standard = new CaseStandard { Kind = type.Kind, TypeCode = type.Code, RegistrationCondition = "", ClosingCondition = "" };
                db.CaseStandards.Add(standard);
            }
            standard.RegistrationCondition = row.Registration;
            standard.ClosingCondition = row.Closing;
            standard.DepartmentRule = row.Rule;
            standard.DepartmentId = departments[row.Department];
            standard.TimeType = row.TimeType;
            standard.TimeLimitAmount = row.Amount;
            standard.IsUrgent = row.IsUrgent;
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        return types.Count;
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
