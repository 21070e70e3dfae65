using System.Globalization;
using CivicGrid.Data;
using CivicGrid.Domain.Components;
using CivicGrid.Server.Platform.Cli;
using CivicGrid.Server.Platform.Csv;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Interchange;

/// <summary>Writes the components, streamed from the database in id order, as GeoJSON Point features or CSV rows in
/// the format <see cref="ComponentImporter"/> reads. Positions are WGS-84 (crs "wgs84"); departments are written as
/// their codes.</summary>
public sealed class ComponentExporter(CivicGridDbContext db)
{
    private const int ProgressEvery = 10_000;

    public async Task<long> ExportAsync(string path, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        var format = FileFormats.For(path, "Component", FileFormat.GeoJson, FileFormat.Json, FileFormat.Csv);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Code, cancellationToken);
        var total = await db.Components.LongCountAsync(cancellationToken);
        var rows = db.Components.AsNoTracking().OrderBy(c => c.Id).AsAsyncEnumerable().WithCancellation(cancellationToken);
        long count = 0;
        if (format == FileFormat.Csv)
        {
            await using var csv = CsvWriter.Create(FileFormats.CreateOutput(path), CsvFiles.WriterOptions, leaveOpen: false);
            csv.WriteRecord(ComponentColumns.All);
            await foreach (var component in rows)
            {
                csv.WriteRecord(ProtectText(Values(component, departments)));
                Report(++count, total, progress);
            }
        }
        else
        {
            using var writer = new GeoJsonFeatureWriter(FileFormats.CreateOutput(path));
            await foreach (var component in rows)
            {
                writer.Write(component,
                    (json, c) =>
                    {
                        json.WriteStartObject();
                        json.WriteString("type"u8, "Point"u8);
                        json.WriteStartArray("coordinates"u8);
                        json.WriteNumberValue(c.Longitude);
                        json.WriteNumberValue(c.Latitude);
                        json.WriteEndArray();
                        json.WriteEndObject();
                    },
                    (json, c) =>
                    {
                        var values = Values(c, departments);
                        for (var i = 0; i < values.Length; i++)
                        {
                            if (i is 3 or 4 || values[i] is null) continue; // the position is the geometry
                            json.WriteString(ComponentColumns.All[i], values[i]);
                        }
                    });
                Report(++count, total, progress);
            }
        }
        progress?.Report(new ProgressReport("Exporting components", count, Math.Max(count, total)));
        return count;
    }

    private static void Report(long count, long total, IProgress<ProgressReport>? progress)
    {
        if (count % ProgressEvery == 0) progress?.Report(new ProgressReport("Exporting components", count, total));
    }

    /// <summary>The values in the order of <see cref="ComponentColumns.All"/>.</summary>
    private static string?[] Values(Component c, Dictionary<int, string> departments) =>
    [
        c.Id, c.TypeCode, c.Name, Number(c.Longitude), Number(c.Latitude), "wgs84", c.Status.ToString().ToLowerInvariant(), c.GridCode,
        Department(c.CompetentDepartmentId, departments), Department(c.OwnerDepartmentId, departments),
        Department(c.MaintainerDepartmentId, departments), c.Source, c.Note,
        c.CreatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), c.ChangedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
    ];

    /// <summary>Every cell but the position (numbers) made safe for spreadsheets.</summary>
    private static string?[] ProtectText(string?[] values)
    {
        for (var i = 0; i < values.Length; i++)
            if (i is not (3 or 4)) values[i] = CsvFiles.Protect(values[i]);
        return values;
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string? Department(int? id, Dictionary<int, string> departments) =>
        id is { } found ? departments.GetValueOrDefault(found) : null;
}
