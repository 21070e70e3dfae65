using CivicGrid.Data;
using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Geography;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Seeding;

/// <summary>What the demo history is made from, read once from the seeded database: the city and its working calendar,
/// the case standards of the demo types, the built-up grids, the staff and the departments.</summary>
internal sealed record DemoCaseWorld(
    City City, WorkingCalendar Calendar, IReadOnlyDictionary<string, WorkflowContext> Contexts, IReadOnlyList<DemoCaseType> Types,
    DemoCasePlaces Places, DemoCaseStaff Staff, DemoCaseRouting Routing)
{
    public static async Task<DemoCaseWorld> LoadAsync(CivicGridDbContext db, int seed, CancellationToken cancellationToken)
    {
        var city = await db.Cities.AsNoTracking().SingleAsync(cancellationToken);
        var days = await db.CalendarDays.AsNoTracking().OrderBy(d => d.Date).ToListAsync(cancellationToken);
        var calendar = new WorkingCalendar(TimeZoneInfo.FindSystemTimeZoneById(city.TimeZoneId), days, WorkingHoursText.Parse(city.WorkingHours));

        var standards = await db.CaseStandards.AsNoTracking().Where(s => s.Kind == CatalogueKind.Matter)
            .ToDictionaryAsync(s => s.TypeCode, cancellationToken);
        var types = DemoCaseTypes.All.Where(t => standards.ContainsKey(t.Code)).ToList();
        var contexts = types.ToDictionary(t => t.Code, t => new WorkflowContext(calendar, WorkflowTimeLimits.Default, standards[t.Code]));

        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Id).ToListAsync(cancellationToken);
        var routing = new DemoCaseRouting(departments);
        var users = await db.StaffUsers.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Id).ToListAsync(cancellationToken);
        var staff = new DemoCaseStaff(users, routing, new DemoNames(new Random(unchecked(seed * 31 + 5))));
        var grids = await LoadGridsAsync(db, staff, cancellationToken);
        return new DemoCaseWorld(city, calendar, contexts, types, new DemoCasePlaces(grids, new Random(unchecked(seed * 31 + 6))), staff, routing);
    }

    private static async Task<List<DemoCaseGrid>> LoadGridsAsync(CivicGridDbContext db, DemoCaseStaff staff, CancellationToken cancellationToken)
    {
        var names = await db.AdministrativeUnits.AsNoTracking().Where(u => u.Level != AdministrativeLevel.District)
            .ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        var patrols = await db.ResponsibilityGrids.AsNoTracking().Where(r => r.InspectorUserId != null)
            .ToDictionaryAsync(r => r.Id, r => r.InspectorUserId!.Value, cancellationToken);
        var inspectors = staff.Inspectors.ToDictionary(i => i.UserId!.Value);
        var byStreet = staff.Inspectors.ToLookup(i => staff.InspectorStreets[i.UserId!.Value]);
        var byDistrict = staff.Inspectors.ToLookup(i => staff.InspectorStreets[i.UserId!.Value]?[..6]);
        var grids = await db.UnitGrids.AsNoTracking().Where(g => g.IsBuiltUp).OrderBy(g => g.Code)
            .Select(g => new { g.Code, g.DistrictCode, g.StreetCode, g.CommunityCode, g.Boundary, g.ResponsibilityGridId })
            .ToListAsync(cancellationToken);
        return grids.Select((g, i) =>
        {
            // The grid's own patrol inspector, else one of the street, of the district, of the city.
            var candidates = byStreet[g.StreetCode].ToList() is { Count: > 0 } street ? street
                : byDistrict[g.DistrictCode].ToList() is { Count: > 0 } district ? district : staff.Inspectors;
            var inspector = g.ResponsibilityGridId is { } area && patrols.TryGetValue(area, out var id) && inspectors.TryGetValue(id, out var own)
                ? own : candidates[i % candidates.Count];
            var box = g.Boundary.EnvelopeInternal;
            var address = names.GetValueOrDefault(g.StreetCode, "") + names.GetValueOrDefault(g.CommunityCode, "");
            return new DemoCaseGrid(g.Code, g.DistrictCode, g.StreetCode, g.CommunityCode, box.MinX, box.MinY, box.MaxX, box.MaxY, address, inspector);
        }).ToList();
    }
}
