using CivicGrid.Domain.Components;

namespace CivicGrid.Server.Features.Map;

/// <summary>
/// Every component of the city packed for viewport queries: about 23 bytes a component in parallel arrays (position
/// as integer 1e-7 degrees, type and name as indexes into small tables, the 17-digit id as a number), no object per
/// component, so the megacity's 10 M components fit in ≈ 250 MB. Components are sorted by a fine raster cell
/// (2^shift × 2^shift units of 1e-7°, ≈ 170 m) and within a cell by type; each run of one type in one cell carries
/// its count and coordinate sums. A viewport query visits the cells it overlaps: a cell wholly inside contributes its
/// runs' sums, a cell on the edge its components one by one, so counts are exact and cheap at any zoom.
/// Immutable once built; safe to query from many threads.
/// </summary>
public sealed partial class ComponentIndex
{
    /// <summary>x = longitude·1e7 + this: non-negative, and power-of-two cells nest at every level.</summary>
    internal const long XOffset = 1_800_000_000;
    internal const long YOffset = 900_000_000;
    internal const double Scale = 1e7;

    private readonly int _shift;
    private readonly long _firstColumn, _firstRow;
    private readonly int _columns, _rows;
    private readonly int[] _cellRuns;   // per cell: first run; cell k owns runs [_cellRuns[k], _cellRuns[k+1])
    private readonly int[] _runFirst;   // per run: first component; run r owns components [_runFirst[r], _runFirst[r+1])
    private readonly ushort[] _runType;
    private readonly long[] _runSumX, _runSumY;
    private readonly int[] _longitude, _latitude;   // 1e-7 degrees
    private readonly ushort[] _type;
    private readonly byte[] _status;
    private readonly int[] _name;
    private readonly long[] _id;                     // the id's digits as a number; -1: see _textIds
    private readonly Dictionary<int, string> _textIds;
    private readonly string[] _typeCodes, _names;
    private readonly Dictionary<string, ushort> _typeIndex;

    public int Count => _longitude.Length;

    /// <summary>The side of a fine cell in 1e-7 degrees, as a power of two.</summary>
    internal int CellShift => _shift;

    /// <summary>The type-index filter for a set of type codes (null: every type); codes the city has none of match nothing.</summary>
    public bool[]? TypeFilter(IReadOnlySet<string>? typeCodes)
    {
        if (typeCodes is null) return null;
        var allowed = new bool[_typeCodes.Length];
        foreach (var code in typeCodes)
        {
            if (_typeIndex.TryGetValue(code, out var index)) allowed[index] = true;
        }
        return allowed;
    }

    public string IdAt(int i) => _id[i] >= 0 ? _id[i].ToString("D17", System.Globalization.CultureInfo.InvariantCulture) : _textIds[i];
    public string TypeCodeAt(int i) => _typeCodes[_type[i]];
    public string NameAt(int i) => _names[_name[i]];
    public ComponentStatus StatusAt(int i) => (ComponentStatus)_status[i];
    public double LongitudeAt(int i) => _longitude[i] / Scale;
    public double LatitudeAt(int i) => _latitude[i] / Scale;

    /// <summary>Integer bounds of a viewport: a component is inside when minX ≤ x ≤ maxX and minY ≤ y ≤ maxY.</summary>
    internal readonly record struct Bounds(long MinX, long MinY, long MaxX, long MaxY)
    {
        public static Bounds Of(MapViewport viewport) => new(
            (long)Math.Ceiling(viewport.MinLongitude * Scale) + XOffset, (long)Math.Ceiling(viewport.MinLatitude * Scale) + YOffset,
            (long)Math.Floor(viewport.MaxLongitude * Scale) + XOffset, (long)Math.Floor(viewport.MaxLatitude * Scale) + YOffset);

        /// <summary>How many cells of side 2^shift the bounds touch.</summary>
        public long CellsAt(int shift) => ((MaxX >> shift) - (MinX >> shift) + 1) * ((MaxY >> shift) - (MinY >> shift) + 1);
    }

    /// <summary>What a scan reports: whole cells (when <see cref="TakesCells"/>) and single components.</summary>
    internal interface IVisitor
    {
        bool TakesCells { get; }
        void Cell(long column, long row, int count, long sumX, long sumY);
        void Component(int index, long x, long y);
    }

    /// <summary>Visits every component inside <paramref name="bounds"/> whose type passes <paramref name="types"/>:
    /// as whole-cell runs where the visitor takes cells and the cell lies wholly inside, one by one elsewhere.</summary>
    internal void Scan<TVisitor>(Bounds bounds, bool[]? types, ref TVisitor visitor) where TVisitor : struct, IVisitor
    {
        if (_columns == 0) return;
        var c0 = Math.Max((bounds.MinX >> _shift) - _firstColumn, 0);
        var c1 = Math.Min((bounds.MaxX >> _shift) - _firstColumn, _columns - 1);
        var r0 = Math.Max((bounds.MinY >> _shift) - _firstRow, 0);
        var r1 = Math.Min((bounds.MaxY >> _shift) - _firstRow, _rows - 1);
        var size = 1L << _shift;
        for (var r = r0; r <= r1; r++)
        {
            var row = _firstRow + r;
            var rowInside = row * size >= bounds.MinY && (row + 1) * size - 1 <= bounds.MaxY;
            for (var c = c0; c <= c1; c++)
            {
                var column = _firstColumn + c;
                var cell = (int)(r * _columns + c);
                var inside = visitor.TakesCells && rowInside && column * size >= bounds.MinX && (column + 1) * size - 1 <= bounds.MaxX;
                for (var run = _cellRuns[cell]; run < _cellRuns[cell + 1]; run++)
                {
                    if (types is not null && !types[_runType[run]]) continue;
                    if (inside)
                    {
                        visitor.Cell(column, row, _runFirst[run + 1] - _runFirst[run], _runSumX[run], _runSumY[run]);
                        continue;
                    }
                    for (var i = _runFirst[run]; i < _runFirst[run + 1]; i++)
                    {
                        long x = _longitude[i] + XOffset, y = _latitude[i] + YOffset;
                        if (x >= bounds.MinX && x <= bounds.MaxX && y >= bounds.MinY && y <= bounds.MaxY) visitor.Component(i, x, y);
                    }
                }
            }
        }
    }
}
