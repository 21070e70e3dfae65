using CivicGrid.Data;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Server.Features.Catalogue;
using CivicGrid.Server.Platform.Csv;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Interchange;

/// <summary>
/// Imports the catalogue from JSON (the <see cref="CatalogueDocument"/> shape) or CSV and upserts it: classes and types
/// that exist get the file's names and flags (a type's active flag is kept), new ones are added. A type must belong to a
/// class of the same kind that exists in the database or is imported by the same file.
/// </summary>
public sealed partial class CatalogueImporter(CivicGridDbContext db)
{
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
}
