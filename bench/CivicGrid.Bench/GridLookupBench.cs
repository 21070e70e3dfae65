using System.Diagnostics;
using CivicGrid.Server.Features.Geography;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace CivicGrid.Bench;

/// <summary>Point → grid lookups per second over 40,000 grids on one thread: our <see cref="GridIndex{T}"/> against the
/// straightforward NetTopologySuite way (STR-tree query, then Geometry.Covers on a new Point) as the baseline.</summary>
public static class GridLookupBench
{
    public static void Run()
    {
        const int columns = 200, rows = 200, lookups = 2_000_000;
        var grids = SyntheticGrids.Create(columns, rows, 121.0, 31.5, seed: 7);
        var random = new Random(11);
        var points = new Coordinate[lookups];
        for (var i = 0; i < lookups; i++)
        {
            points[i] = new Coordinate(121.0 + random.NextDouble() * columns * SyntheticGrids.Step,
                31.5 - random.NextDouble() * rows * SyntheticGrids.Step);
        }

        var ours = new GridIndex<string>(grids.Select(g => ((Geometry)g.Boundary, g.Code)));
        var baseline = new STRtree<(Polygon Boundary, string Code)>();
        foreach (var grid in grids) baseline.Insert(grid.Boundary.EnvelopeInternal, grid);
        baseline.Build();
        var factory = new GeometryFactory(new PrecisionModel(), 4326);

        string? Ours(Coordinate c) => ours.TryFind(c.X, c.Y, out var code) ? code : null;
        string? Baseline(Coordinate c)
        {
            var point = factory.CreatePoint(c);
            foreach (var candidate in baseline.Query(point.EnvelopeInternal))
            {
                if (candidate.Boundary.Covers(point)) return candidate.Code;
            }
            return null;
        }

        // Both must agree before either is timed.
        for (var i = 0; i < 20_000; i++)
        {
            if (Ours(points[i]) != Baseline(points[i])) throw new InvalidOperationException($"Disagreement at {points[i]}");
        }
        var baselineRate = Measure(points, Baseline, out var baselineFound);
        var oursRate = Measure(points, Ours, out var oursFound);
        if (baselineFound != oursFound) throw new InvalidOperationException("The two lookups found different numbers of grids.");

        Console.WriteLine($"## Point → grid lookup, {grids.Count:N0} grids, {lookups:N0} random points, one thread");
        Console.WriteLine("| variant | lookups/s | ratio |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine($"| baseline: NTS STRtree.Query + Geometry.Covers(Point) | {baselineRate:N0} | 1.00 |");
        Console.WriteLine($"| CivicGrid GridIndex (cell raster + flat rings, no allocation) | {oursRate:N0} | {oursRate / baselineRate:F2} |");
        Console.WriteLine($"Both found a grid for {oursFound:N0} of {lookups:N0} points.");
        Console.WriteLine();
    }

    private static double Measure(Coordinate[] points, Func<Coordinate, string?> lookup, out int found)
    {
        found = 0;
        for (var i = 0; i < 100_000; i++) lookup(points[i]); // warm-up
        var best = 0.0;
        for (var round = 0; round < 3; round++)
        {
            var count = 0;
            var watch = Stopwatch.StartNew();
            foreach (var point in points) if (lookup(point) is not null) count++;
            watch.Stop();
            found = count;
            best = Math.Max(best, points.Length / watch.Elapsed.TotalSeconds);
        }
        return best;
    }
}
