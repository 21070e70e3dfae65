using System.Globalization;
using CivicGrid.Domain.Components;

namespace CivicGrid.Server.Features.Map;

public sealed partial class ComponentIndex
{
    /// <summary>Fine cells of 2^14 × 1e-7° ≈ 0.0016° (≈ 170 m): a few components each in a built-up area.</summary>
    private const int PreferredShift = 14;

    /// <summary>At most this many fine cells; a wider extent takes coarser cells.</summary>
    private const long MaxCells = 4_000_000;

    /// <summary>Collects components (one pass over the table, any order), then <see cref="Build"/> sorts and packs them.</summary>
    public sealed class Builder
    {
        private readonly List<int> _longitude = [], _latitude = [], _name = [];
        private readonly List<long> _id = [];
        private readonly List<ushort> _type = [];
        private readonly List<byte> _status = [];
        private readonly Dictionary<int, string> _textIds = [];
        private readonly Dictionary<string, ushort> _types = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _names = new(StringComparer.Ordinal);

        public void Add(string id, string typeCode, string name, double longitude, double latitude, ComponentStatus status)
        {
            if (!double.IsFinite(longitude) || !double.IsFinite(latitude) || Math.Abs(longitude) > 180 || Math.Abs(latitude) > 90) return;
            var index = _id.Count;
            // Only ids that print back exactly (17 digits, as GB/T 47678.5 has them) are kept as numbers.
            if (id.Length == 17 && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) _id.Add(number);
            else
            {
                _id.Add(-1);
                _textIds[index] = id;
            }
            if (!_types.TryGetValue(typeCode, out var type)) _types[typeCode] = type = checked((ushort)_types.Count);
            if (!_names.TryGetValue(name, out var nameIndex)) _names[name] = nameIndex = _names.Count;
            _type.Add(type);
            _name.Add(nameIndex);
            _status.Add((byte)status);
            _longitude.Add((int)Math.Round(longitude * Scale));
            _latitude.Add((int)Math.Round(latitude * Scale));
        }

        public ComponentIndex Build() => new(this);

        internal (int[] Longitude, int[] Latitude, ushort[] Type, byte[] Status, int[] Name, long[] Id, Dictionary<int, string> TextIds,
            Dictionary<string, ushort> Types, Dictionary<string, int> Names) Parts() =>
            ([.. _longitude], [.. _latitude], [.. _type], [.. _status], [.. _name], [.. _id], _textIds, _types, _names);
    }

    private ComponentIndex(Builder builder)
    {
        var (longitude, latitude, type, status, name, id, textIds, types, names) = builder.Parts();
        _typeIndex = types;
        _typeCodes = new string[types.Count];
        foreach (var (code, index) in types) _typeCodes[index] = code;
        _names = new string[names.Count];
        foreach (var (text, index) in names) _names[index] = text;

        var count = longitude.Length;
        (_shift, _firstColumn, _firstRow, _columns, _rows) = PlanRaster(longitude, latitude);
        // Sort by (cell, type): one key per component, the permutation applied to every column.
        var keys = new long[count];
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = (long)CellOf(longitude[i], latitude[i]) << 16 | type[i];
            order[i] = i;
        }
        Array.Sort(keys, order);
        _longitude = Permute(longitude, order);
        _latitude = Permute(latitude, order);
        _type = Permute(type, order);
        _status = Permute(status, order);
        _name = Permute(name, order);
        _id = Permute(id, order);
        _textIds = new Dictionary<int, string>(textIds.Count);
        for (var i = 0; i < count; i++)
        {
            if (_id[i] < 0) _textIds[i] = textIds[order[i]];
        }
        (_cellRuns, _runFirst, _runType, _runSumX, _runSumY) = BuildRuns(keys);
    }

    private int CellOf(int longitude, int latitude) =>
        (int)(((latitude + YOffset) >> _shift) - _firstRow) * _columns + (int)(((longitude + XOffset) >> _shift) - _firstColumn);

    private static (int Shift, long FirstColumn, long FirstRow, int Columns, int Rows) PlanRaster(int[] longitude, int[] latitude)
    {
        if (longitude.Length == 0) return (PreferredShift, 0, 0, 0, 0);
        long minX = long.MaxValue, minY = long.MaxValue, maxX = long.MinValue, maxY = long.MinValue;
        for (var i = 0; i < longitude.Length; i++)
        {
            long x = longitude[i] + XOffset, y = latitude[i] + YOffset;
            (minX, maxX) = (Math.Min(minX, x), Math.Max(maxX, x));
            (minY, maxY) = (Math.Min(minY, y), Math.Max(maxY, y));
        }
        for (var shift = PreferredShift; ; shift++)
        {
            long columns = (maxX >> shift) - (minX >> shift) + 1, rows = (maxY >> shift) - (minY >> shift) + 1;
            if (columns * rows <= MaxCells) return (shift, minX >> shift, minY >> shift, (int)columns, (int)rows);
        }
    }

    private (int[] CellRuns, int[] RunFirst, ushort[] RunType, long[] SumX, long[] SumY) BuildRuns(long[] keys)
    {
        var cellRuns = new int[_columns * _rows + 1];
        List<int> first = [];
        List<ushort> runType = [];
        List<long> sumX = [], sumY = [];
        for (var i = 0; i < keys.Length; i++)
        {
            if (i == 0 || keys[i] != keys[i - 1])
            {
                cellRuns[(int)(keys[i] >> 16) + 1]++;
                first.Add(i);
                runType.Add(_type[i]);
                sumX.Add(0);
                sumY.Add(0);
            }
            sumX[^1] += _longitude[i] + XOffset;
            sumY[^1] += _latitude[i] + YOffset;
        }
        first.Add(keys.Length);
        for (var k = 1; k < cellRuns.Length; k++) cellRuns[k] += cellRuns[k - 1];
        return (cellRuns, [.. first], [.. runType], [.. sumX], [.. sumY]);
    }

    private static T[] Permute<T>(T[] values, int[] order)
    {
        var result = new T[values.Length];
        for (var i = 0; i < order.Length; i++) result[i] = values[order[i]];
        return result;
    }
}
