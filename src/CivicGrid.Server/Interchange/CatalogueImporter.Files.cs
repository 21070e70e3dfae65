using System.Text;
using System.Text.Json;
using CivicGrid.Server.Features.Catalogue;
using CivicGrid.Server.Platform.Csv;
using CsvHelper;

namespace CivicGrid.Server.Interchange;

/// <summary>Reading a catalogue file (JSON or CSV) into entries, each with its line and original text for the rejects
/// file; checking and saving them is in CatalogueImporter.cs.</summary>
public sealed partial class CatalogueImporter
{
    /// <summary>One class or type from the file, before validation.</summary>
    private sealed record Entry(long? Line, string Item, string Original, string? Kind, string? Code, string? Name, string? NameEn,
        string? LegacyCode, bool Extension, bool Sensitive, string? FlagProblem);

    private static List<Entry> ReadJson(string path)
    {
        byte[] bytes;
        using (var stream = FileFormats.OpenInput(path))
        {
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException exception)
        {
            throw new ImportFileException($"The file is not valid JSON (line {exception.LineNumber + 1}): {exception.Message}", exception);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new ImportFileException("The catalogue JSON must be an object with \"classes\" and \"types\" arrays.");
            var lines = JsonEntryLines.Find(bytes);
            var entries = new List<Entry>();
            foreach (var member in (string[])["classes", "types"])
            {
                if (!root.TryGetProperty(member, out var array)) continue;
                if (array.ValueKind != JsonValueKind.Array) throw new ImportFileException($"The catalogue's \"{member}\" must be an array.");
                var index = 0;
                foreach (var element in array.EnumerateArray())
                {
                    var item = $"{member}[{index}]";
                    entries.Add(FromJson(element, member == "classes", item, lines.GetValueOrDefault(item)));
                    index++;
                }
            }
            if (entries.Count == 0 && !root.TryGetProperty("classes", out _) && !root.TryGetProperty("types", out _))
                throw new ImportFileException("The catalogue JSON has neither \"classes\" nor \"types\".");
            return entries;
        }
    }

    private static Entry FromJson(JsonElement element, bool isClass, string item, long line)
    {
        string? Text(string name) => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch { JsonValueKind.String => NullIfBlank(value.GetString()), JsonValueKind.Number => value.GetRawText(), _ => null }
            : null;
        string? flagProblem = null;
        bool Flag(string name)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value)) return false;
            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
            if (value.ValueKind != JsonValueKind.Null) flagProblem = $"{name}: must be true or false";
            return false;
        }
        var code = Text(isClass ? "major" : "code");
        var entry = new Entry(line == 0 ? null : line, item, element.GetRawText(), Text("kind"), code, Text("name"), Text("nameEn"),
            Text("legacyCode"), Flag("extension"), Flag("sensitive"), null);
        if (element.ValueKind != JsonValueKind.Object) flagProblem = "entry: must be a JSON object";
        else if (isClass && code is { Length: not 2 }) flagProblem = $"major: '{code}' must be two digits";
        else if (!isClass && code is { Length: not 5 }) flagProblem = $"code: '{code}' must be five digits";
        return entry with { FlagProblem = flagProblem };
    }

    private static List<Entry> ReadCsv(string path)
    {
        var malformed = new HashSet<long>();
        using var csv = CsvReader.Create(FileFormats.OpenInput(path), CsvFiles.ReaderOptions(malformed), leaveOpen: false);
        var header = CsvFiles.ReadHeader(csv, CatalogueCsv.Columns, CatalogueCsv.Required);
        var index = CatalogueCsv.Columns.ToDictionary(c => c, c => header.ToList().FindIndex(h => string.Equals(h, c, StringComparison.OrdinalIgnoreCase)));
        var entries = new List<Entry>();
        while (csv.Read())
        {
            string? Field(string column) => index[column] is var i and >= 0 && i < csv.FieldCount ? NullIfBlank(CsvFiles.Restore(csv.GetString(i))) : null;
            string? flagProblem = csv.FieldCount != header.Count ? $"row: has {csv.FieldCount} fields, the header has {header.Count}"
                : malformed.Remove(csv.LineNumber) ? "row: bad CSV quoting" : null;
            bool Flag(string column)
            {
                var text = Field(column)?.ToLowerInvariant();
                if (text is null or "false" or "0") return false;
                if (text is "true" or "1") return true;
                flagProblem ??= $"{column}: '{text}' must be true or false";
                return false;
            }
            entries.Add(new Entry(csv.LineNumber, $"record {csv.RowNumber}", Encoding.UTF8.GetString(csv.RawRecord), Field("kind"), Field("code"),
                Field("name"), Field("nameEn"), Field("legacyCode"), Flag("extension"), Flag("sensitive"), null) { FlagProblem = flagProblem });
        }
        return entries;
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

/// <summary>The columns of the catalogue CSV: one row per class (2-digit code) or type (5-digit code).</summary>
public static class CatalogueCsv
{
    public static readonly string[] Columns = ["kind", "code", "name", "nameEn", "legacyCode", "extension", "sensitive"];
    public static readonly string[] Required = ["kind", "code", "name"];
}
