using CivicGrid.Data;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Server.Features.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Organisation;

/// <summary>A routing rule as an administrator enters it: a catalogue type (kind "component" or "matter" and its code;
/// no code: any type), an area (a district, street or community code, or a grid code prefix; none: the whole city), the
/// department it routes to, and a priority among equally specific rules. A null isActive keeps the flag (new: active).</summary>
public sealed record RoutingRuleChange(string? Kind, string? TypeCode, string? AreaCode, int? DepartmentId, int? Priority, bool? IsActive = null);

/// <summary>Administrators keep the routing rules that suggest a department at dispatch (type + area → department;
/// <c>Features/Cases/DispatchRouting</c> reads them, the most specific matching rule wins). One code path for the staff UI and
/// the internal API. The type must exist and be active, the area must exist, the department must be an active one of
/// the city, and there is one rule per type and area.</summary>
public sealed partial class RoutingRuleAdministration(CivicGridDbContext db, ILogger<RoutingRuleAdministration> logger)
{
    public Task<List<RoutingRule>> ListAsync(string cityCode, CancellationToken cancellationToken) =>
        db.RoutingRules.AsNoTracking().Where(r => r.CityCode == cityCode).OrderBy(r => r.TypeCode).ThenBy(r => r.AreaCode).ToListAsync(cancellationToken);

    public Task<RoutingRule?> GetAsync(string cityCode, int id, CancellationToken cancellationToken) =>
        db.RoutingRules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.CityCode == cityCode, cancellationToken);

    public Task<ReferenceDataResult<RoutingRule>> AddAsync(string cityCode, RoutingRuleChange change, string admin, CancellationToken cancellationToken) =>
        SaveAsync(new RoutingRule { CityCode = cityCode }, change, admin, cancellationToken);

    public async Task<ReferenceDataResult<RoutingRule>> UpdateAsync(string cityCode, int id, RoutingRuleChange change, string admin,
        CancellationToken cancellationToken)
    {
        var rule = await db.RoutingRules.SingleOrDefaultAsync(r => r.Id == id && r.CityCode == cityCode, cancellationToken);
        return rule is null ? ReferenceDataResult.NotFound<RoutingRule>() : await SaveAsync(rule, change, admin, cancellationToken);
    }

    /// <returns>False when the city has no such rule.</returns>
    public async Task<bool> DeleteAsync(string cityCode, int id, string admin, CancellationToken cancellationToken)
    {
        var deleted = await db.RoutingRules.Where(r => r.Id == id && r.CityCode == cityCode).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0) LogDeleted(logger, admin, id);
        return deleted > 0;
    }

    private async Task<ReferenceDataResult<RoutingRule>> SaveAsync(RoutingRule rule, RoutingRuleChange change, string admin, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        var (kind, code) = await TypeAsync(change, problems, cancellationToken);
        var area = await AreaAsync(rule.CityCode, change.AreaCode, problems, cancellationToken);
        if (change.DepartmentId is not { } department
            || !await db.Departments.AnyAsync(d => d.Id == department && d.CityCode == rule.CityCode && d.IsActive, cancellationToken))
            problems.Add(new("departmentId", "step.department.required", $"departmentId: give an active department of the city (got {change.DepartmentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"})."));
        if (problems.Count > 0) return ReferenceDataResult.Invalid<RoutingRule>(problems);
        var same = await db.RoutingRules.AsNoTracking()
            .Where(r => r.CityCode == rule.CityCode && r.Id != rule.Id && r.TypeCode == code && r.AreaCode == area && r.Kind == kind)
            .Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (same is { } other)
            return ReferenceDataResult.Conflict<RoutingRule>(new("areaCode", "admin.routing.duplicate", $"areaCode: rule {other} already routes this type in this area."));

        var isNew = rule.Id == 0;
        if (isNew) db.RoutingRules.Add(rule);
        (rule.Kind, rule.TypeCode, rule.AreaCode, rule.DepartmentId) = (kind, code, area, change.DepartmentId!.Value);
        rule.Priority = change.Priority ?? 0;
        rule.IsActive = change.IsActive ?? rule.IsActive;
        await db.SaveChangesAsync(cancellationToken);
        LogSaved(logger, admin, isNew ? "added" : "changed", rule.Id, rule.Kind, rule.TypeCode, rule.AreaCode, rule.DepartmentId, rule.Priority);
        return ReferenceDataResult.Done(rule);
    }

    /// <summary>No code: any type (the kind is then ignored). Otherwise an active catalogue type of that kind.</summary>
    private async Task<(CatalogueKind?, string?)> TypeAsync(RoutingRuleChange change, List<FieldProblem> problems, CancellationToken cancellationToken)
    {
        var code = string.IsNullOrWhiteSpace(change.TypeCode) ? null : change.TypeCode.Trim();
        if (code is null) return (null, null);
        if (CatalogueAdministration.TryParseKind(change.Kind?.Trim(), out var kind)
            && await db.CatalogueTypes.AnyAsync(t => t.Kind == kind && t.Code == code && t.IsActive, cancellationToken))
            return (kind, code);
        problems.Add(new("typeCode", "step.type.required", $"typeCode: there is no active {change.Kind} type {code} (kind is 'component' or 'matter')."));
        return (null, null);
    }

    /// <summary>No code: the whole city. Otherwise a district, street or community code (6, 9, 12 digits) or a grid
    /// code or its prefix (14 or 15 digits), matched against the case's grid and community codes.</summary>
    private async Task<string?> AreaAsync(string cityCode, string? text, List<FieldProblem> problems, CancellationToken cancellationToken)
    {
        var area = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (area is null) return null;
        if (area.Length is not (6 or 9 or 12 or 14 or 15) || !area.All(char.IsAsciiDigit))
            problems.Add(new("areaCode", "admin.area.invalid", $"areaCode has 6, 9, 12, 14 or 15 digits (got '{text}')."));
        else if (!(area.Length <= 12
                     ? await db.AdministrativeUnits.AnyAsync(u => u.Code == area && u.CityCode == cityCode, cancellationToken)
                     : await db.UnitGrids.AnyAsync(g => g.Code.StartsWith(area) && g.CityCode == cityCode, cancellationToken)))
            problems.Add(new("areaCode", "admin.area.unknown", $"areaCode: there is no district, street, community or grid {area} in this city."));
        return area;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Administrator {Admin} {Verb} routing rule {Rule}: {Kind} {Type} {Area} → {Department}, priority {Priority}")]
    private static partial void LogSaved(ILogger logger, string admin, string verb, int rule, CatalogueKind? kind, string? type, string? area,
        int department, int priority);

    [LoggerMessage(Level = LogLevel.Information, Message = "Administrator {Admin} deleted routing rule {Rule}")]
    private static partial void LogDeleted(ILogger logger, string admin, int rule);
}
