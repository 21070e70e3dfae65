namespace CivicGrid.Server.Seeding;

/// <summary>Decides which land cells exist (south of a slightly irregular coastline near 20.06° N) and which are
/// built up (the cells closest to Haikou's urban cores: the old town, the west coast, Jiangdong, the south of Longhua and Fucheng).</summary>
internal static class DemoLand
{
    /// <summary>The coastline wanders between these row counts: 57 rows reach 20.039° N, 62 rows 20.077° N.</summary>
    private const int LowestCoastRows = 57;
    private const int HighestCoastRows = 62;
    private const double KmPerDegreeLongitude = 104.6;
    private const double KmPerDegreeLatitude = 110.6;

    /// <summary>Urban cores: centre and half-axes in km of an ellipse stretched along the coast.</summary>
    private static readonly (double Longitude, double Latitude, double HalfWidthKm, double HalfHeightKm)[] Cores =
    [
        (110.33, 20.02, 6.0, 3.5),
        (110.25, 20.03, 4.5, 2.0),
        (110.46, 20.02, 4.5, 2.5),
        (110.36, 19.97, 3.5, 2.5),
        (110.45, 19.93, 3.5, 2.5),
    ];

    /// <summary>The land cells of each district (indexed like <see cref="DemoCity.Districts"/>), west→east, south→north.
    /// The same seed gives the same coastline and built-up area at every scale; a scale only crops the land.</summary>
    public static List<LandCell>[] CellsByDistrict(DemoScaleProfile profile, Random random)
    {
        var coastRows = Coastline(random);
        var centreColumn = DemoLattice.ColumnOf(DemoCity.CentrePoint.Longitude);
        var centreRow = DemoLattice.RowOf(DemoCity.CentrePoint.Latitude);
        var candidates = new List<(double Score, int Column, int Row)>();
        for (var column = 0; column < DemoLattice.Columns; column++)
        {
            for (var row = 0; row < coastRows[column]; row++)
            {
                var jitter = random.NextDouble() * 0.4;
                var inScale = column >= profile.FirstColumn && column < profile.EndColumn && row >= profile.FirstRow;
                if (!inScale) continue;
                var score = column == centreColumn && row == centreRow ? -1 : Urbanness(column, row) + jitter;
                candidates.Add((score, column, row));
            }
        }

        var builtUp = candidates.OrderBy(c => c.Score).ThenBy(c => c.Column).ThenBy(c => c.Row)
            .Take(profile.BuiltUpCells).Select(c => (c.Column, c.Row)).ToHashSet();
        var districts = Enumerable.Range(0, DemoCity.Districts.Count).Select(_ => new List<LandCell>()).ToArray();
        foreach (var (_, column, row) in candidates)
        {
            districts[DemoScaleProfile.DistrictOf(column, row)].Add(new LandCell(column, row, builtUp.Contains((column, row))));
        }

        return districts;
    }

    /// <summary>Rows of land per column: a random walk that never steps more than one row between neighbours.</summary>
    private static int[] Coastline(Random random)
    {
        var rows = new int[DemoLattice.Columns];
        var current = 60;
        for (var column = 0; column < rows.Length; column++)
        {
            current = Math.Clamp(current + random.Next(-1, 2), LowestCoastRows, HighestCoastRows);
            rows[column] = current;
        }

        return rows;
    }

    /// <summary>0 at an urban core, 1 on the edge of its ellipse, growing outwards.</summary>
    private static double Urbanness(int column, int row)
    {
        var longitude = DemoLattice.Longitude(column * DemoLattice.FinePerCell + DemoLattice.FinePerCell / 2);
        var latitude = DemoLattice.Latitude(row * DemoLattice.FinePerCell + DemoLattice.FinePerCell / 2);
        var best = double.MaxValue;
        foreach (var core in Cores)
        {
            var dx = (longitude - core.Longitude) * KmPerDegreeLongitude / core.HalfWidthKm;
            var dy = (latitude - core.Latitude) * KmPerDegreeLatitude / core.HalfHeightKm;
            best = Math.Min(best, dx * dx + dy * dy);
        }

        return best;
    }
}
