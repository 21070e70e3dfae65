using CivicGrid.Data;
using CivicGrid.Domain.Geography;
using CivicGrid.Server.Platform.Cli;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace CivicGrid.Server.Seeding;

/// <summary>Writes the planned geography: districts, streets and communities with boundaries (unions of their land
/// cells, so they tile exactly), then responsibility grids and unit grids in batches.</summary>
internal static class DemoGeographyWriter
{
    private const int GridBatchSize = 4_000;

    public static async Task<int> WriteUnitsAsync(CivicGridDbContext db, DemoLayout layout, CancellationToken cancellationToken)
    {
        var units = new List<AdministrativeUnit>();
        foreach (var district in layout.Districts)
        {
            var streetBoundaries = new List<Geometry>();
            foreach (var street in district.Streets)
            {
                var communityBoundaries = new List<Geometry>();
                foreach (var community in street.Communities)
                {
                    var boundary = Union(community.Cells.Select(DemoLattice.CellRectangle));
                    communityBoundaries.Add(boundary);
                    units.Add(Unit(community.Code, AdministrativeLevel.Community, community.Name, community.NameEn, street.Code, boundary));
                }

                var streetBoundary = Union(communityBoundaries);
                streetBoundaries.Add(streetBoundary);
                units.Add(Unit(street.Code, AdministrativeLevel.Street, street.Name, street.NameEn, district.District.Code, streetBoundary));
            }

            units.Add(Unit(district.District.Code, AdministrativeLevel.District, district.District.Name, district.District.NameEn,
                DemoCity.CityCode, Union(streetBoundaries)));
        }

        db.AdministrativeUnits.AddRange(units.OrderBy(u => u.Code, StringComparer.Ordinal));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return units.Count;
    }

    /// <summary>Saves the responsibility grids and returns their ids by code.</summary>
    public static async Task<Dictionary<string, int>> WriteResponsibilityGridsAsync(
        CivicGridDbContext db, IReadOnlyList<DemoPatrolArea> areas, IReadOnlyDictionary<string, int> inspectorByArea, CancellationToken cancellationToken)
    {
        var rows = areas.Select(a => new ResponsibilityGrid
        {
            Code = a.Code, Name = a.Name, CityCode = DemoCity.CityCode, DistrictCode = a.Street.District.Code,
            InspectorUserId = inspectorByArea.TryGetValue(a.Code, out var inspector) ? inspector : null,
        }).ToList();
        db.ResponsibilityGrids.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return rows.ToDictionary(r => r.Code, r => r.Id);
    }

    public static async Task WriteGridsAsync(
        CivicGridDbContext db, DemoLayout layout, IReadOnlyList<DemoPatrolArea> areas, IReadOnlyDictionary<string, int> areaIds,
        IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        var total = layout.GridCount;
        var areaByGrid = areas.SelectMany(a => a.Grids.Select(g => (g.Code, Id: areaIds[a.Code]))).ToDictionary(p => p.Code, p => p.Id);
        var partyByCommunity = layout.Streets.SelectMany(s => s.Communities.Select(c => (c.Code, Party: $"{s.Name}{c.Name}")))
            .ToDictionary(p => p.Code, p => p.Party);
        var done = 0;
        foreach (var batch in layout.Grids.Chunk(GridBatchSize))
        {
            db.UnitGrids.AddRange(batch.Select(g => new UnitGrid
            {
                Code = g.Code, CityCode = DemoCity.CityCode, DistrictCode = g.District.Code, StreetCode = g.StreetCode,
                CommunityCode = g.CommunityCode, Boundary = DemoLattice.Rectangle(g.West, g.South, g.East, g.North),
                AreaSquareMetres = Math.Round(g.AreaSquareMetres, 1), IsBuiltUp = g.IsBuiltUp,
                ResponsibleParty = partyByCommunity[g.CommunityCode], ResponsibilityGridId = areaByGrid[g.Code],
            }));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            done += batch.Length;
            progress?.Report(new ProgressReport("grids", done, total));
        }
    }

    private static Geometry Union(IEnumerable<Geometry> parts)
    {
        var union = UnaryUnionOp.Union(parts.ToList());
        union.SRID = 4326;
        return union;
    }

    private static AdministrativeUnit Unit(string code, AdministrativeLevel level, string name, string nameEn, string parent, Geometry boundary) =>
        new()
        {
            Code = code, Level = level, Name = name, NameEn = nameEn, ParentCode = parent, CityCode = DemoCity.CityCode,
            Boundary = boundary,
        };
}
