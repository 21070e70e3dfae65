using NetTopologySuite.Geometries;

namespace CivicGrid.Server.Features.Geography;

/// <summary>An immutable point-in-polygon index over many polygons, each carrying a value; built once, queried from
/// many threads without allocating. Polygons are bucketed into a uniform cell raster sized to the typical polygon
/// (so a lookup sees one to a few candidates), and their rings are flattened into arrays for an even-odd ray test.
/// A point exactly on an edge shared by two grids belongs to exactly one of them.</summary>
public sealed class GridIndex<T>
{
    private readonly T[] _values;
    private readonly double[] _bounds;       // per item: minX, minY, maxX, maxY
    private readonly int[] _itemRings;       // per item: first ring index; item i owns rings [_itemRings[i], _itemRings[i+1])
    private readonly int[] _ringStarts;      // per ring: first vertex index; ring r owns vertices [_ringStarts[r], _ringStarts[r+1])
    private readonly double[] _xs, _ys;      // all ring vertices, closed rings
    private readonly int[] _cellStarts, _cellItems;
    private readonly double _originX, _originY, _cellSize;
    private readonly int _columns, _rows;

    public GridIndex(IEnumerable<(Geometry Boundary, T Value)> items)
    {
        var values = new List<T>();
        var bounds = new List<double>();
        var itemRings = new List<int>();
        var ringStarts = new List<int>();
        var xs = new List<double>();
        var ys = new List<double>();
        foreach (var (boundary, value) in items)
        {
            itemRings.Add(ringStarts.Count);
            for (var part = 0; part < boundary.NumGeometries; part++)
            {
                if (boundary.GetGeometryN(part) is not Polygon polygon) continue;
                foreach (var ring in new[] { polygon.Shell }.Concat(polygon.Holes))
                {
                    ringStarts.Add(xs.Count);
                    foreach (var c in ring.Coordinates) { xs.Add(c.X); ys.Add(c.Y); }
                }
            }
            var envelope = boundary.EnvelopeInternal;
            bounds.AddRange([envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY]);
            values.Add(value);
        }
        itemRings.Add(ringStarts.Count);
        ringStarts.Add(xs.Count);
        (_values, _bounds, _itemRings, _ringStarts, _xs, _ys) =
            (values.ToArray(), bounds.ToArray(), itemRings.ToArray(), ringStarts.ToArray(), xs.ToArray(), ys.ToArray());
        (_originX, _originY, _cellSize, _columns, _rows) = PlanCells(_bounds, _values.Length);
        (_cellStarts, _cellItems) = BucketItems();
    }

    public int Count => _values.Length;

    /// <summary>The value of the first polygon (in insertion order) containing the point.</summary>
    public bool TryFind(double longitude, double latitude, out T value)
    {
        value = default!;
        if (_values.Length == 0) return false;
        var column = (int)Math.Floor((longitude - _originX) / _cellSize);
        var row = (int)Math.Floor((latitude - _originY) / _cellSize);
        if ((uint)column >= (uint)_columns || (uint)row >= (uint)_rows) return false;
        var cell = row * _columns + column;
        for (var k = _cellStarts[cell]; k < _cellStarts[cell + 1]; k++)
        {
            var item = _cellItems[k];
            var b = item * 4;
            if (longitude < _bounds[b] || latitude < _bounds[b + 1] || longitude > _bounds[b + 2] || latitude > _bounds[b + 3]) continue;
            if (Contains(item, longitude, latitude))
            {
                value = _values[item];
                return true;
            }
        }
        return false;
    }

    /// <summary>Even-odd rule over all rings of the item (shells and holes, all parts).</summary>
    private bool Contains(int item, double x, double y)
    {
        var inside = false;
        for (var ring = _itemRings[item]; ring < _itemRings[item + 1]; ring++)
        {
            var end = _ringStarts[ring + 1];
            for (int i = _ringStarts[ring], j = end - 1; i < end; j = i++)
            {
                double yi = _ys[i], yj = _ys[j];
                if ((yi > y) != (yj > y) && x < (_xs[j] - _xs[i]) * (y - yi) / (yj - yi) + _xs[i]) inside = !inside;
            }
        }
        return inside;
    }

    private static (double X, double Y, double Size, int Columns, int Rows) PlanCells(double[] bounds, int count)
    {
        if (count == 0) return (0, 0, 1, 0, 0);
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        var sizes = new double[count];
        for (var i = 0; i < count; i++)
        {
            var b = i * 4;
            (minX, minY) = (Math.Min(minX, bounds[b]), Math.Min(minY, bounds[b + 1]));
            (maxX, maxY) = (Math.Max(maxX, bounds[b + 2]), Math.Max(maxY, bounds[b + 3]));
            sizes[i] = Math.Max(bounds[b + 2] - bounds[b], bounds[b + 3] - bounds[b + 1]);
        }
        Array.Sort(sizes);
        // A cell the size of the median polygon, but never more than ~4 million cells in all.
        var size = Math.Max(sizes[count / 2], 1e-9);
        var extent = Math.Max(maxX - minX, maxY - minY);
        size = Math.Max(size, extent / 2048);
        var columns = (int)Math.Floor((maxX - minX) / size) + 1;
        var rows = (int)Math.Floor((maxY - minY) / size) + 1;
        return (minX, minY, size, columns, rows);
    }

    private (int[] Starts, int[] Items) BucketItems()
    {
        var counts = new int[_columns * _rows + 1];
        ForEachCell((cell, _) => counts[cell + 1]++);
        for (var i = 1; i < counts.Length; i++) counts[i] += counts[i - 1];
        var items = new int[counts[^1]];
        var next = (int[])counts.Clone();
        ForEachCell((cell, item) => items[next[cell]++] = item);
        return (counts, items);
    }

    private void ForEachCell(Action<int, int> visit)
    {
        for (var item = 0; item < _values.Length; item++)
        {
            var b = item * 4;
            var (c0, r0) = ((int)((_bounds[b] - _originX) / _cellSize), (int)((_bounds[b + 1] - _originY) / _cellSize));
            var (c1, r1) = ((int)((_bounds[b + 2] - _originX) / _cellSize), (int)((_bounds[b + 3] - _originY) / _cellSize));
            for (var r = r0; r <= Math.Min(r1, _rows - 1); r++)
            {
                for (var c = c0; c <= Math.Min(c1, _columns - 1); c++) visit(r * _columns + c, item);
            }
        }
    }
}
