using CivicGrid.Data;
using CivicGrid.Domain.Geography;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Union;

namespace CivicGrid.Server.Seeding;

/// <summary>The demo city's own basemap: a named road network (major roads every third land cell across the whole
/// city, minor roads every cell in the urban core, each bending by a fine step now and then), the sea north of the
/// coastline, the 南渡江 river and a few landmarks. Planned in absolute lattice positions from the seed, then clipped
/// to the land of the scale: the same seed gives the same roads at every scale, a smaller scale only shows fewer.</summary>
internal static class DemoBasemap
{
    /// <summary>The urban core that gets minor roads, in land cells: ≈ 110.243–110.478° E, 19.893° N to the coast.</summary>
    private const int CoreWestColumn = 17, CoreEastColumn = 45, CoreSouthRow = 38;
    private const int TopRow = 63;
    private const double SeaNorthLatitude = 20.30;

    private static readonly (string Name, double Longitude, double Latitude)[] Landmarks =
    [
        ("骑楼老街", 110.352, 20.036), ("万绿园", 110.318, 20.033), ("海南省人民医院", 110.312, 20.021), ("五公祠", 110.362, 19.992),
        ("海口东站", 110.345, 19.985), ("金牛岭公园", 110.306, 20.004), ("红城湖公园", 110.360, 19.976), ("海口湾广场", 110.290, 20.030),
        ("美兰机场", 110.459, 19.941), ("假日海滩", 110.252, 20.032), ("海口市人民政府", 110.328, 20.006), ("府城鼓楼", 110.358, 19.985),
    ];

    public static async Task<int> WriteAsync(CivicGridDbContext db, DemoLayout layout, int seed, CancellationToken cancellationToken)
    {
        var features = Plan(layout, seed);
        db.BasemapFeatures.AddRange(features);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return features.Count;
    }

    public static List<BasemapFeature> Plan(DemoLayout layout, int seed)
    {
        var random = new Random(unchecked(seed * 31 + 3));
        var cells = layout.Communities.SelectMany(c => c.Cells).ToList();
        var land = UnaryUnionOp.Union(cells.Select(c => (Geometry)DemoLattice.CellRectangle(c)).ToList());
        var features = new List<BasemapFeature>();
        var used = new HashSet<string>(DemoRoadNames.NorthSouth.Concat(DemoRoadNames.EastWest));

        // Every line is planned (and draws its random numbers) whether or not the scale keeps it.
        for (var column = 1; column < DemoLattice.Columns; column++)
        {
            var major = column % 3 == 1;
            var inCore = column is >= CoreWestColumn and <= CoreEastColumn;
            if (!major && !inCore) continue;
            var name = major ? DemoRoadNames.NorthSouth[column / 3] : DemoRoadNames.Minor(random, used, northSouth: true);
            var line = Line(random, column, major ? 0 : CoreSouthRow, TopRow, northSouth: true);
            Add(features, land, BasemapFeatureKind.Road, name, major ? DemoRoadNames.RankOf(name) : 3, line);
        }
        for (var row = 1; row < TopRow; row++)
        {
            var major = row % 3 == 1 && row / 3 < DemoRoadNames.EastWest.Length;
            if (!major && row < CoreSouthRow) continue;
            var name = major ? DemoRoadNames.EastWest[row / 3] : DemoRoadNames.Minor(random, used, northSouth: false);
            var line = Line(random, row, major ? 0 : CoreWestColumn, major ? DemoLattice.Columns : CoreEastColumn + 1, northSouth: false);
            Add(features, land, BasemapFeatureKind.Road, name, major ? DemoRoadNames.RankOf(name) : 3, line);
        }

        Add(features, land, BasemapFeatureKind.Water, "南渡江", 2, River());
        features.Add(Feature(BasemapFeatureKind.Water, "琼州海峡", 1, Sea(cells)));
        foreach (var (name, longitude, latitude) in Landmarks)
        {
            var point = DemoLattice.Factory.CreatePoint(new Coordinate(longitude, latitude));
            if (land.Contains(point)) features.Add(Feature(BasemapFeatureKind.Landmark, name, 3, point));
        }
        return features;
    }

    /// <summary>A road along a lattice line (column for north–south, row for east–west) from one cell index to another,
    /// bending by a fine step to either side at about a third of the cell boundaries.</summary>
    private static LineString Line(Random random, int line, int from, int to, bool northSouth)
    {
        var coordinates = new List<Coordinate>();
        var offset = 0;
        for (var cell = from; cell <= to; cell++)
        {
            if (random.Next(3) == 0) offset = Math.Clamp(offset + random.Next(-1, 2), -1, 1);
            var across = line * DemoLattice.FinePerCell + offset;
            var along = cell * DemoLattice.FinePerCell;
            coordinates.Add(northSouth
                ? new Coordinate(DemoLattice.Longitude(across), DemoLattice.Latitude(along))
                : new Coordinate(DemoLattice.Longitude(along), DemoLattice.Latitude(across)));
        }
        return DemoLattice.Factory.CreateLineString([.. coordinates]);
    }

    /// <summary>南渡江: a band about 170 m wide winding north to the sea east of the old town.</summary>
    private static Geometry River()
    {
        var path = DemoLattice.Factory.CreateLineString(
        [
            new(110.385, 19.60), new(110.392, 19.70), new(110.386, 19.78), new(110.398, 19.85), new(110.392, 19.91),
            new(110.405, 19.96), new(110.398, 20.00), new(110.410, 20.04), new(110.404, 20.09),
        ]);
        return path.Buffer(0.0008);
    }

    /// <summary>The sea north of the coastline: above the land of every column the scale holds.</summary>
    private static Geometry Sea(IEnumerable<LandCell> cells)
    {
        var parts = cells.GroupBy(c => c.Column).Select(g =>
        {
            var west = g.Key * DemoLattice.FinePerCell;
            var south = DemoLattice.Latitude((g.Max(c => c.Row) + 1) * DemoLattice.FinePerCell);
            double x0 = DemoLattice.Longitude(west), x1 = DemoLattice.Longitude(west + DemoLattice.FinePerCell);
            return (Geometry)DemoLattice.Factory.CreatePolygon([new(x0, south), new(x1, south), new(x1, SeaNorthLatitude), new(x0, SeaNorthLatitude), new(x0, south)]);
        }).ToList();
        return UnaryUnionOp.Union(parts);
    }

    private static void Add(List<BasemapFeature> features, Geometry land, BasemapFeatureKind kind, string name, int rank, Geometry geometry)
    {
        var clipped = geometry.Intersection(land);
        // Keep only the parts of the kind's dimension (a road touching the land at a corner also yields a point).
        clipped = kind == BasemapFeatureKind.Road
            ? DemoLattice.Factory.BuildGeometry(LinearComponentExtracter.GetLines(clipped))
            : DemoLattice.Factory.BuildGeometry(PolygonExtracter.GetPolygons(clipped));
        if (clipped.IsEmpty || (kind == BasemapFeatureKind.Road && clipped.Length < DemoLattice.FineLongitudeStep * DemoLattice.FinePerCell)) return;
        features.Add(Feature(kind, name, rank, clipped));
    }

    private static BasemapFeature Feature(BasemapFeatureKind kind, string name, int rank, Geometry geometry)
    {
        geometry.SRID = 4326;
        return new BasemapFeature { CityCode = DemoCity.CityCode, Kind = kind, Name = name, Rank = rank, Geometry = geometry };
    }
}
