using System.Text;
using CivicGrid.Server.Platform.Csv;
using CsvHelper;

namespace CivicGrid.Server.Interchange;

/// <summary>Components from a CSV file with a header row (UTF-8, comma-separated, RFC 4180 quoting), read row by row.
/// Column names are those of <see cref="ComponentColumns.All"/> in any order and case; unknown columns are an error
/// (a misspelt column would otherwise be silently ignored).</summary>
public sealed class ComponentCsvSource : IComponentRowSource
{
    private readonly CsvReader _csv;
    private readonly string?[] _columns;
    private readonly int _longitude;
    private readonly int _latitude;
    private readonly HashSet<long> _malformedLines = [];

    public ComponentCsvSource(Stream stream)
    {
        _csv = CsvReader.Create(stream, CsvFiles.ReaderOptions(_malformedLines), leaveOpen: false);
        var header = CsvFiles.ReadHeader(_csv, ComponentColumns.All, ComponentColumns.RequiredInCsv);
        _columns = header.Select(h => ComponentColumns.All.FirstOrDefault(c => string.Equals(c, h, StringComparison.OrdinalIgnoreCase))).ToArray();
        _longitude = Array.IndexOf(_columns, "longitude");
        _latitude = Array.IndexOf(_columns, "latitude");
    }

    public long Line => _csv.LineNumber;
    public string Item => $"record {_csv.RowNumber}";
    public string Original => Encoding.UTF8.GetString(_csv.RawRecord);
    public long Position => _csv.ByteOffset;

    public bool Read(ComponentRow row)
    {
        if (!_csv.Read()) return false;
        row.Clear();
        var count = _csv.FieldCount;
        if (count != _columns.Length) row.Problems.Add($"row: has {count} fields, the header has {_columns.Length}");
        if (_malformedLines.Remove(_csv.LineNumber)) row.Problems.Add("row: bad CSV quoting");
        for (var i = 0; i < Math.Min(count, _columns.Length); i++)
        {
            if (_csv.IsEmpty(i)) continue;
            if (i == _longitude) row.Longitude = Number(i, "longitude", row);
            else if (i == _latitude) row.Latitude = Number(i, "latitude", row);
            else ComponentFeatureParser.Assign(row, _columns[i], NullIfBlank(CsvFiles.Restore(_csv.GetString(i))));
        }
        return true;
    }

    public void Dispose() => _csv.Dispose();

    private double? Number(int index, string column, ComponentRow row)
    {
        if (_csv.TryParse<double>(index, out var value)) return value;
        row.Problems.Add($"{column}: '{_csv.GetString(index)}' is not a decimal number");
        return null;
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
