using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Cases;

/// <summary>Dispatch routing: the administrators' routing rules (type + area → department) first; otherwise the case
/// standard's rule with the case's district and the component's owner or maintainer; null when nothing matches and
/// the dispatcher must choose.</summary>
public static class DispatchRouting
{
    public static async Task<int?> SuggestAsync(CivicGridDbContext db, Case @case, CaseStandard? standard, CancellationToken cancellationToken)
    {
        var rules = await db.RoutingRules.AsNoTracking()
            .Where(r => r.IsActive && (r.TypeCode == null || r.TypeCode == @case.TypeCode)).ToListAsync(cancellationToken);
        var rule = rules.Where(r => r.Matches(@case.Kind, @case.TypeCode, @case.GridCode, @case.CommunityCode))
            .OrderByDescending(r => r.Specificity).FirstOrDefault();
        if (rule is not null) return rule.DepartmentId;
        if (standard is null) return null;
        switch (standard.DepartmentRule)
        {
            case HandlingDepartmentRule.FixedDepartment:
                return standard.DepartmentId;
            case HandlingDepartmentRule.ComponentMaintainer or HandlingDepartmentRule.ComponentOwner when @case.ComponentId is not null:
                var component = await db.Components.AsNoTracking().Where(c => c.Id == @case.ComponentId)
                    .Select(c => new { c.MaintainerDepartmentId, c.OwnerDepartmentId }).SingleOrDefaultAsync(cancellationToken);
                var fromComponent = standard.DepartmentRule == HandlingDepartmentRule.ComponentMaintainer
                    ? component?.MaintainerDepartmentId ?? component?.OwnerDepartmentId
                    : component?.OwnerDepartmentId;
                return fromComponent ?? await LocalUnitAsync(db, @case, standard, cancellationToken) ?? standard.DepartmentId;
            case HandlingDepartmentRule.DispatcherChoice:
                return null;
            default:
                return await LocalUnitAsync(db, @case, standard, cancellationToken) ?? standard.DepartmentId;
        }
    }

    /// <summary>The handling unit in the case's district under the standard's department (its team there), else the
    /// district's own government as the territorial handling unit (属地).</summary>
    private static async Task<int?> LocalUnitAsync(CivicGridDbContext db, Case @case, CaseStandard standard, CancellationToken cancellationToken)
    {
        if (@case.DistrictCode is null) return null;
        var local = await db.Departments.AsNoTracking()
            .Where(d => d.IsActive && d.DistrictCode == @case.DistrictCode)
            .Select(d => new { d.Id, d.Code, d.ParentId, d.Level, d.Kinds }).ToListAsync(cancellationToken);
        var bureauCode = standard.DepartmentId is { } id
            ? await db.Departments.AsNoTracking().Where(d => d.Id == id).Select(d => d.Code).SingleOrDefaultAsync(cancellationToken)
            : null;
        var team = local.FirstOrDefault(d => d.ParentId == standard.DepartmentId
                                            || (bureauCode is not null && d.Code.StartsWith(bureauCode + "-", StringComparison.Ordinal)));
        return team?.Id ?? local.Where(d => d.Level == DepartmentLevel.DistrictBureau && d.Kinds.HasFlag(DepartmentKinds.HandlingUnit))
            .Select(d => (int?)d.Id).FirstOrDefault();
    }
}
