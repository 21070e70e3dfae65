using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Cases;

/// <summary>Who a check may be sent to (发送核查, docs/domain/workflow-and-time-limits.md §4): the active inspectors whose data
/// scope covers the case (the whole city, its district or its street). The suggestion is the inspector who patrols the
/// case's grid (its responsibility grid), else the one who checked it last (after a rework), else the inspector with the
/// narrowest scope; the operator may choose any other of them.</summary>
public static class CheckInspectors
{
    public sealed record Choice(int Id, string Name);

    /// <summary>The inspectors in scope of the case, the nearest first (street, district, city), then by id.</summary>
    public static async Task<List<Choice>> InScopeAsync(CivicGridDbContext db, Case @case, CancellationToken cancellationToken)
    {
        var users = await db.StaffUsers.AsNoTracking()
            .Where(u => u.IsActive && u.CityCode == @case.CityCode
                && (u.ScopeKind == DataScopeKind.City
                    || (u.ScopeKind == DataScopeKind.District && u.ScopeDivisionCode == @case.DistrictCode)
                    || (u.ScopeKind == DataScopeKind.Street && u.ScopeDivisionCode == @case.StreetCode)))
            .Select(u => new { u.Id, u.DisplayName, u.Roles, u.ScopeKind })
            .ToListAsync(cancellationToken);
        return users.Where(u => (u.Roles & Roles.Inspector) != 0)
            .OrderBy(u => u.ScopeKind switch { DataScopeKind.Street => 0, DataScopeKind.District => 1, _ => 2 }).ThenBy(u => u.Id)
            .Select(u => new Choice(u.Id, u.DisplayName)).ToList();
    }

    /// <summary>The suggested inspector among <paramref name="choices"/>; null when there is none in scope.</summary>
    public static async Task<int?> SuggestAsync(CivicGridDbContext db, Case @case, IReadOnlyList<Choice> choices, CancellationToken cancellationToken)
    {
        if (choices.Count == 0) return null;
        var patrol = @case.GridCode is { } grid
            ? await db.UnitGrids.AsNoTracking().Where(g => g.Code == grid && g.ResponsibilityGridId != null)
                .Join(db.ResponsibilityGrids, g => g.ResponsibilityGridId, r => (int?)r.Id, (g, r) => r.InspectorUserId)
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        foreach (var candidate in new[] { patrol, @case.CheckInspectorUserId })
        {
            if (candidate is { } id && choices.Any(c => c.Id == id)) return id;
        }
        return choices[0].Id;
    }
}
