using NetTopologySuite.Geometries;
using NetTopologySuite.Index;
using NetTopologySuite.Index.Strtree;

namespace CivicGrid.Server.Features.Geography;

/// <summary>An immutable STR-tree over polygons, each carrying a value; built once, queried from many threads.</summary>
public sealed class GridIndex<T>
{
    private readonly STRtree<Entry> _tree = new();

    public GridIndex(IEnumerable<(Geometry Boundary, T Value)> items)
    {
        foreach (var (boundary, value) in items)
        {
            _tree.Insert(boundary.EnvelopeInternal, new Entry(boundary, value));
            Count++;
        }
        _tree.Build();
    }

    public int Count { get; }

    /// <summary>The value of the first polygon covering the point, or default when none does.</summary>
    public bool TryFind(double longitude, double latitude, out T value)
    {
        var visitor = new FirstCovering(new Coordinate(longitude, latitude));
        _tree.Query(new Envelope(visitor.Point), visitor);
        value = visitor.Found is { } entry ? entry.Value : default!;
        return visitor.Found is not null;
    }

    private sealed record Entry(Geometry Boundary, T Value);

    private sealed class FirstCovering(Coordinate point) : IItemVisitor<Entry>
    {
        public Coordinate Point { get; } = point;
        public Entry? Found { get; private set; }

        public void VisitItem(Entry item)
        {
            if (Found is null && PointInPolygon.Covers(item.Boundary, Point)) Found = item;
        }
    }
}
