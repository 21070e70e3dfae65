namespace CivicGrid.Server.Features.Map;

public sealed partial class ComponentIndex
{
    /// <summary>The most clusters or points in one answer.</summary>
    public const int MaxItems = 2_000;

    /// <summary>From this zoom on, a viewport with at most <see cref="MaxItems"/> components shows them one by one.</summary>
    public const int PointsFromZoom = 16;

    /// <summary>At any zoom, a viewport with at most this many components shows them one by one.</summary>
    public const int FewPoints = 200;

    /// <summary>The components of a viewport as the map draws them: one by one when few enough (see
    /// <see cref="PointsFromZoom"/>, <see cref="FewPoints"/>), otherwise as clusters of screen cells about 64 pixels
    /// wide at <paramref name="zoom"/> (coarser when the viewport would hold more than <see cref="MaxItems"/> cells).
    /// Cells are aligned to a fixed world raster, so clusters stay put while the map pans.</summary>
    public MapComponents Query(MapViewport viewport, int zoom, IReadOnlySet<string>? typeCodes)
    {
        var bounds = Bounds.Of(viewport);
        var types = TypeFilter(typeCodes);
        var counter = new Counter();
        if (bounds.MinX <= bounds.MaxX && bounds.MinY <= bounds.MaxY) Scan(bounds, types, ref counter);
        var total = counter.Total;
        if (total <= MaxItems && (zoom >= PointsFromZoom || total <= FewPoints))
        {
            var collector = new PointCollector(new List<int>((int)total));
            if (total > 0) Scan(bounds, types, ref collector);
            var points = collector.Indexes.Select(i => new ComponentPoint(
                IdAt(i), TypeCodeAt(i), NameAt(i), StatusAt(i), LongitudeAt(i), LatitudeAt(i))).ToList();
            return new MapComponents(MapComponents.PointsMode, zoom, total, [], points);
        }
        var shift = ClusterShift(bounds, zoom);
        var clusterer = new Clusterer(bounds, shift, _shift);
        Scan(bounds, types, ref clusterer);
        return new MapComponents(MapComponents.ClustersMode, zoom, total, clusterer.Clusters(), []);
    }

    /// <summary>Cells of 2^(30 − zoom) × 1e-7° ≈ 64–90 pixels, coarser while the viewport would hold more than
    /// <see cref="MaxItems"/> of them.</summary>
    internal static int ClusterShift(Bounds bounds, int zoom)
    {
        var shift = Math.Max(30 - zoom, 1);
        while (shift < 33 && bounds.CellsAt(shift) > MaxItems) shift++;
        return shift;
    }

    private struct Counter : IVisitor
    {
        public long Total;
        public readonly bool TakesCells => true;
        public void Cell(long column, long row, int count, long sumX, long sumY) => Total += count;
        public void Component(int index, long x, long y) => Total++;
    }

    private readonly struct PointCollector(List<int> indexes) : IVisitor
    {
        public List<int> Indexes => indexes;
        public bool TakesCells => false;
        public void Cell(long column, long row, int count, long sumX, long sumY) => throw new InvalidOperationException("Points take no cells.");
        public void Component(int index, long x, long y) => indexes.Add(index);
    }

    /// <summary>Sums count and coordinates per cluster cell, in a dense array over the viewport's cells (at most
    /// <see cref="MaxItems"/>). Fine cells nest in cluster cells when the cluster cell is no smaller.</summary>
    private struct Clusterer : IVisitor
    {
        private readonly int _shift, _fineShift;
        private readonly long _firstColumn, _firstRow, _columns;
        private readonly int[] _count;
        private readonly long[] _sumX, _sumY;

        public Clusterer(Bounds bounds, int shift, int fineShift)
        {
            (_shift, _fineShift) = (shift, fineShift);
            (_firstColumn, _firstRow) = (bounds.MinX >> shift, bounds.MinY >> shift);
            _columns = (bounds.MaxX >> shift) - _firstColumn + 1;
            var cells = (int)bounds.CellsAt(shift);
            (_count, _sumX, _sumY) = (new int[cells], new long[cells], new long[cells]);
        }

        public readonly bool TakesCells => _shift >= _fineShift;

        public readonly void Cell(long column, long row, int count, long sumX, long sumY) =>
            Add((column >> (_shift - _fineShift)), (row >> (_shift - _fineShift)), count, sumX, sumY);

        public readonly void Component(int index, long x, long y) => Add(x >> _shift, y >> _shift, 1, x, y);

        private readonly void Add(long column, long row, int count, long sumX, long sumY)
        {
            var cell = (int)((row - _firstRow) * _columns + (column - _firstColumn));
            _count[cell] += count;
            _sumX[cell] += sumX;
            _sumY[cell] += sumY;
        }

        public readonly List<ComponentCluster> Clusters()
        {
            var clusters = new List<ComponentCluster>();
            for (var cell = 0; cell < _count.Length; cell++)
            {
                if (_count[cell] == 0) continue;
                var x = (double)_sumX[cell] / _count[cell] - XOffset;
                var y = (double)_sumY[cell] / _count[cell] - YOffset;
                clusters.Add(new ComponentCluster(Math.Round(x / Scale, 7), Math.Round(y / Scale, 7), _count[cell]));
            }
            return clusters;
        }
    }
}
