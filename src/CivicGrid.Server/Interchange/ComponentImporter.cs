using CivicGrid.Data;
using CivicGrid.Domain.Components;
using CivicGrid.Server.Features.Geography;
using CivicGrid.Server.Features.Map;
using CivicGrid.Server.Platform.Cli;

namespace CivicGrid.Server.Interchange;

/// <summary>
/// Imports components from GeoJSON (.geojson/.json) or CSV (.csv), streaming: rows are read, validated and handed
/// lazily to <see cref="BulkWriter"/> inside one transaction, so memory stays flat for millions of rows.
/// All-or-nothing by default: after the first rejected row nothing more is written, the rest of the file is still
/// validated (to report every bad row) and the transaction is rolled back.
/// </summary>
public sealed class ComponentImporter(CivicGridDbContext db, GridLocator locator, TimeProvider time, Features.Map.ComponentMap map)
{
    private const int ProgressEvery = 5_000;

    public async Task<ImportResult> ImportAsync(
        string path, ImportOptions options, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        var format = FileFormats.For(path, "Component", FileFormat.GeoJson, FileFormat.Json, FileFormat.Csv);
        var reference = await ComponentReferenceData.LoadAsync(db, locator, cancellationToken);
        var validator = new ComponentRowValidator(reference, time.GetUtcNow());
        var length = new FileInfo(path).Length;
        using var log = new RejectionLog(options.RejectsPathFor(path));
        using var source = format == FileFormat.Csv
            ? (IComponentRowSource)new ComponentCsvSource(FileFormats.OpenInput(path))
            : new ComponentGeoJsonSource(FileFormats.OpenInput(path));

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var valid = 0L;
        IEnumerable<Component> ValidRows()
        {
            var row = new ComponentRow();
            var read = 0L;
            while (source.Read(row))
            {
                if (validator.TryCreate(row, source.Line, out var component, out var reason))
                {
                    valid++;
                    if (log.Count == 0 || options.SkipBad) yield return component!;
                }
                else
                {
                    log.Add(new ImportRejection(source.Line, source.Item, reason, source.Original));
                }
                if (++read % ProgressEvery == 0) progress?.Report(new ProgressReport("Importing components (bytes)", source.Position, length));
            }
            progress?.Report(new ProgressReport("Importing components (bytes)", length, length));
        }
        // About 200 bytes per GeoJSON feature, 100 per CSV row: a hint for the bulk insert, not a limit.
        var expectedRows = length / (format == FileFormat.Csv ? 100 : 200);
        await BulkWriter.InsertAsync(db, ValidRows(), new BulkLoad(expectedRows), cancellationToken);
        var result = await log.FinishAsync(transaction, valid, options, cancellationToken);
        if (result.Committed) map.Invalidate();
        return result;
    }
}
