using System.Text.Json;
using CivicGrid.Data;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Server.Features.Catalogue;
using CivicGrid.Server.Platform.Csv;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Interchange;

/// <summary>Writes the catalogue as the JSON (<see cref="CatalogueDocument"/>) or CSV that <see cref="CatalogueImporter"/> reads.</summary>
public sealed class CatalogueExporter(CivicGridDbContext db)
{
    public async Task<long> ExportAsync(string path, CancellationToken cancellationToken)
    {
        var format = FileFormats.For(path, "Catalogue", FileFormat.Json, FileFormat.Csv);
        var classes = (await db.CatalogueClasses.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(c => c.Kind).ThenBy(c => c.MajorCode, StringComparer.Ordinal).ToList();
        var types = (await db.CatalogueTypes.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(t => t.Kind).ThenBy(t => t.Code, StringComparer.Ordinal).ToList();
        await using var stream = FileFormats.CreateOutput(path);
        if (format == FileFormat.Json)
        {
            var document = new CatalogueDocument("GB/T 47678.5-2026", "Exported by CivicGrid.",
                classes.Select(c => new CatalogueDocument.ClassEntry(Kind(c.Kind), c.MajorCode, c.Name, c.NameEn, c.IsExtension)).ToList(),
                types.Select(t => new CatalogueDocument.TypeEntry(Kind(t.Kind), t.Code, t.Name, t.NameEn, t.LegacyCode, t.IsExtension, t.IsSensitive)).ToList());
            await JsonSerializer.SerializeAsync(stream, document, CatalogueDocument.Json, cancellationToken);
        }
        else
        {
            await using var csv = CsvWriter.Create(stream, CsvFiles.WriterOptions, leaveOpen: true);
            csv.WriteRecord(CatalogueCsv.Columns);
            foreach (var c in classes) csv.WriteRecord([Kind(c.Kind), Text(c.MajorCode), Text(c.Name), Text(c.NameEn), "", Flag(c.IsExtension), ""]);
            foreach (var t in types) csv.WriteRecord([Kind(t.Kind), Text(t.Code), Text(t.Name), Text(t.NameEn), Text(t.LegacyCode), Flag(t.IsExtension), Flag(t.IsSensitive)]);
        }
        return classes.Count + types.Count;
    }

    private static string Kind(CatalogueKind kind) => kind == CatalogueKind.Component ? "component" : "matter";

    /// <summary>Names and codes as spreadsheet-safe text; <see cref="CatalogueImporter"/> undoes it.</summary>
    private static string Text(string? value) => CsvFiles.Protect(value) ?? "";

    private static string Flag(bool value) => value ? "true" : "false";
}
