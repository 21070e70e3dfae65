using NetTopologySuite.Geometries;

namespace CivicGrid.Bench;

/// <summary>A tiling of quadrilateral unit grids (~100 m × 110 m) whose shared corners are jittered, so that the
/// polygons are irregular like real grids but still tile the area without gaps or overlaps.</summary>
public static class SyntheticGrids
{
    public const double Step = 0.001;

    public static List<(Polygon Boundary, string Code)> Create(int columns, int rows, double west, double north, int seed)
    {
        var random = new Random(seed);
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var corners = new Coordinate[columns + 1, rows + 1];
        for (var x = 0; x <= columns; x++)
        {
            for (var y = 0; y <= rows; y++)
            {
                var jitter = x == 0 || y == 0 || x == columns || y == rows ? 0 : 0.25;
                corners[x, y] = new Coordinate(
                    west + (x + (random.NextDouble() - 0.5) * jitter) * Step,
                    north - (y + (random.NextDouble() - 0.5) * jitter) * Step);
            }
        }
        var grids = new List<(Polygon, string)>(columns * rows);
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < columns; x++)
            {
                var ring = new[] { corners[x, y], corners[x + 1, y], corners[x + 1, y + 1], corners[x, y + 1], corners[x, y] };
                grids.Add((factory.CreatePolygon(ring.Select(c => c.Copy()).ToArray()), $"G{x:D4}{y:D4}"));
            }
        }
        return grids;
    }
}
