using System.Text;
using System.Text.Json;
using CivicGrid.Data;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Server.Features.Catalogue;
using CivicGrid.Server.Platform.Csv;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Interchange;

/// <summary>
/// Imports the catalogue from JSON (the <see cref="CatalogueDocument"/> shape) or CSV and upserts it: classes and types
/// that exist get the file's names and flags (a type's active flag is kept), new ones are added. A type must belong to a
/// class of the same kind that exists in the database or is imported by the same file.
/// </summary>
public sealed class CatalogueImporter(CivicGridDbContext db)
{
    /// <summary>One class or type from the file, before validation.</summary>
    private sealed record Entry(long? Line, string Item, string Original, string? Kind, string? Code, string? Name, string? NameEn,
        string? LegacyCode, bool Extension, bool Sensitive, string? FlagProblem);

    public async Task<ImportResult> ImportAsync(string path, ImportOptions options, CancellationToken cancellationToken)
    {
        var format = FileFormats.For(path, "Catalogue", FileFormat.Json, FileFormat.Csv);
        var entries = format == FileFormat.Csv ? ReadCsv(path) : ReadJson(path);
        using var log = new RejectionLog(options.RejectsPathFor(path));

        var classes = await db.CatalogueClasses.ToDictionaryAsync(c => (c.Kind, c.MajorCode), cancellationToken);
        var types = await db.CatalogueTypes.ToDictionaryAsync(t => (t.Kind, t.Code), cancellationToken);
        var seen = new Dictionary<(CatalogueKind, string), string>();
        var valid = 0L;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var entry in entries.OrderBy(e => e.Code?.Length ?? 0))
        {
            var problems = new List<string>();
            var kind = Kind(entry.Kind, problems);
            if (entry.FlagProblem is not null) problems.Add(entry.FlagProblem);
            if (entry.Name is null) problems.Add("name: required");
            else if (entry.Name.Length > 64) problems.Add("name: longer than 64 characters");
            if (entry.NameEn is { Length: > 128 }) problems.Add("nameEn: longer than 128 characters");
            if (entry.LegacyCode is { Length: > 16 }) problems.Add("legacyCode: longer than 16 characters");
            var isClass = entry.Code is { Length: 2 };
            CheckCode(entry.Code, isClass, problems);
            if (kind is { } k && problems.Count == 0)
            {
                if (seen.TryGetValue((k, entry.Code!), out var first)) problems.Add($"code: {entry.Code} repeats {first}");
                else if (!isClass && !classes.ContainsKey((k, entry.Code![..2])))
                    problems.Add($"code: the class {entry.Code![..2]} of this {entry.Kind} type is neither in the database nor in the file");
            }
            if (problems.Count > 0 || kind is null)
            {
                log.Add(new ImportRejection(entry.Line, entry.Item, string.Join("; ", problems), entry.Original));
                continue;
            }
            seen[(kind.Value, entry.Code!)] = entry.Item;
            valid++;
            if (isClass) UpsertClass(classes, kind.Value, entry);
            else UpsertType(types, kind.Value, entry);
        }
        if (log.Count == 0 || options.SkipBad) await db.SaveChangesAsync(cancellationToken);
        var result = await log.FinishAsync(transaction, valid, options, cancellationToken);
        db.ChangeTracker.Clear();
        return result;
    }

    private void UpsertClass(Dictionary<(CatalogueKind, string), CatalogueClass> classes, CatalogueKind kind, Entry entry)
    {
        if (!classes.TryGetValue((kind, entry.Code!), out var major))
        {
            major = new CatalogueClass { Kind = kind, MajorCode = entry.Code!, Name = entry.Name!, NameEn = "" };
            classes[(kind, entry.Code!)] = major;
            db.CatalogueClasses.Add(major);
        }
        major.Name = entry.Name!;
        major.NameEn = entry.NameEn ?? "";
        major.IsExtension = entry.Extension;
    }

    private void UpsertType(Dictionary<(CatalogueKind, string), CatalogueType> types, CatalogueKind kind, Entry entry)
    {
        if (!types.TryGetValue((kind, entry.Code!), out var type))
        {
            type = new CatalogueType { Kind = kind, Code = entry.Code!, Name = entry.Name!, NameEn = "" };
            types[(kind, entry.Code!)] = type;
            db.CatalogueTypes.Add(type);
        }
        type.Name = entry.Name!;
        type.NameEn = entry.NameEn ?? "";
        type.LegacyCode = entry.LegacyCode;
        type.IsExtension = entry.Extension;
        type.IsSensitive = entry.Sensitive;
    }

    private static CatalogueKind? Kind(string? kind, List<string> problems)
    {
        if (kind?.ToLowerInvariant() is "component" or "matter") return CatalogueDocument.ParseKind(kind);
        problems.Add(kind is null ? "kind: required" : $"kind: '{kind}' is not component or matter");
        return null;
    }

    private static void CheckCode(string? code, bool isClass, List<string> problems)
    {
        if (code is null) problems.Add("code: required");
        else if (isClass && !(code.All(char.IsAsciiDigit) && code != "00")) problems.Add($"code: the class code '{code}' must be two digits 01-99");
        else if (!isClass && !CatalogueCode.TryParse(code, out _))
            problems.Add(CodeReasons.Why("code", () => CatalogueCode.Parse(code)) + " (2 digits for a class, 5 for a type)");
    }

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
