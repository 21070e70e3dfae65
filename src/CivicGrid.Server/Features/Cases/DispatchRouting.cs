using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Cases;

/// <summary>Why routing names a department (docs/domain/catalogue.md §9, workflow-and-time-limits.md §4).</summary>
public enum RoutingBasis
{
    /// <summary>An administrator's routing rule (派遣规则) matched the case's type and area.</summary>
    RoutingRule,
    /// <summary>The case standard names the department (立结案标准指定).</summary>
    StandardDepartment,
    /// <summary>The component's owner (部件权属).</summary>
    ComponentOwner,
    /// <summary>The component's maintainer (部件养护).</summary>
    ComponentMaintainer,
    /// <summary>The handling unit of the case's district (属地).</summary>
    DistrictUnit,
}

/// <summary>A department routing names and why; <see cref="RuleId"/> for <see cref="RoutingBasis.RoutingRule"/>.</summary>
public sealed record RoutingSuggestion(int DepartmentId, RoutingBasis Basis, int? RuleId = null);

/// <summary>Dispatch routing (issue 18 item 2): the administrators' routing rules (type + area → department, the most
/// specific first) before the case standard's rule with the case's district and the component's owner or maintainer.
/// The suggestion is the first of these candidates that can act: an active department with at least one active user
/// (a city bureau nobody signs in for is never suggested); null when none can and the dispatcher must choose.</summary>
public static class DispatchRouting
{
    public static async Task<RoutingSuggestion?> SuggestAsync(CivicGridDbContext db, Case @case, CaseStandard? standard, CancellationToken cancellationToken)
    {
        var candidates = await CandidatesAsync(db, @case, standard, cancellationToken);
        if (candidates.Count == 0) return null;
        var ids = candidates.Select(c => c.DepartmentId).Distinct().ToList();
        var acting = await db.Departments.AsNoTracking().Where(d => ids.Contains(d.Id) && d.IsActive)
            .Where(d => db.StaffUsers.Any(u => u.DepartmentId == d.Id && u.IsActive)).Select(d => d.Id).ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(c => acting.Contains(c.DepartmentId));
    }

    /// <summary>Every department the rules name for the case, in the order they apply, whether anyone works there or not.</summary>
    public static async Task<List<RoutingSuggestion>> CandidatesAsync(CivicGridDbContext db, Case @case, CaseStandard? standard, CancellationToken cancellationToken)
    {
        var rules = await db.RoutingRules.AsNoTracking()
            .Where(r => r.IsActive && (r.TypeCode == null || r.TypeCode == @case.TypeCode)).ToListAsync(cancellationToken);
        var candidates = rules.Where(r => r.Matches(@case.Kind, @case.TypeCode, @case.GridCode, @case.CommunityCode))
            .OrderByDescending(r => r.Specificity).ThenBy(r => r.Id)
            .Select(r => new RoutingSuggestion(r.DepartmentId, RoutingBasis.RoutingRule, r.Id)).ToList();
        if (standard is null) return candidates;
        var fixedDepartment = standard.DepartmentId is { } id ? new RoutingSuggestion(id, RoutingBasis.StandardDepartment) : null;
        switch (standard.DepartmentRule)
        {
            case HandlingDepartmentRule.FixedDepartment:
                if (fixedDepartment is not null) candidates.Add(fixedDepartment);
                break;
            case HandlingDepartmentRule.DispatcherChoice:
                break;
            case HandlingDepartmentRule.ComponentMaintainer or HandlingDepartmentRule.ComponentOwner when @case.ComponentId is not null:
                var component = await db.Components.AsNoTracking().Where(c => c.Id == @case.ComponentId)
                    .Select(c => new { c.MaintainerDepartmentId, c.OwnerDepartmentId }).SingleOrDefaultAsync(cancellationToken);
                if (standard.DepartmentRule == HandlingDepartmentRule.ComponentMaintainer && component?.MaintainerDepartmentId is { } maintainer)
                    candidates.Add(new(maintainer, RoutingBasis.ComponentMaintainer));
                if (component?.OwnerDepartmentId is { } owner) candidates.Add(new(owner, RoutingBasis.ComponentOwner));
                candidates.AddRange(await LocalUnitsAsync(db, @case, standard, cancellationToken));
                if (fixedDepartment is not null) candidates.Add(fixedDepartment);
                break;
            default:
                candidates.AddRange(await LocalUnitsAsync(db, @case, standard, cancellationToken));
                if (fixedDepartment is not null) candidates.Add(fixedDepartment);
                break;
        }
        return candidates;
    }

    /// <summary>The handling units in the case's district: the standard's department's team there first, then the
    /// district's own government as the territorial handling unit (属地).</summary>
    private static async Task<IEnumerable<RoutingSuggestion>> LocalUnitsAsync(CivicGridDbContext db, Case @case, CaseStandard standard, CancellationToken cancellationToken)
    {
        if (@case.DistrictCode is null) return [];
        var local = await db.Departments.AsNoTracking()
            .Where(d => d.IsActive && d.DistrictCode == @case.DistrictCode)
            .Select(d => new { d.Id, d.Code, d.ParentId, d.Level, d.Kinds }).ToListAsync(cancellationToken);
        var bureauCode = standard.DepartmentId is { } id
            ? await db.Departments.AsNoTracking().Where(d => d.Id == id).Select(d => d.Code).SingleOrDefaultAsync(cancellationToken)
            : null;
        var teams = local.Where(d => d.ParentId == standard.DepartmentId
                                     || (bureauCode is not null && d.Code.StartsWith(bureauCode + "-", StringComparison.Ordinal))).Take(1);
        var governments = local.Where(d => d.Level == DepartmentLevel.DistrictBureau && d.Kinds.HasFlag(DepartmentKinds.HandlingUnit)).Take(1);
        return teams.Concat(governments).Select(d => new RoutingSuggestion(d.Id, RoutingBasis.DistrictUnit));
    }
}
