using System.Globalization;
using CivicGrid.Server.Platform.Csv;
using CsvHelper;
using Microsoft.EntityFrameworkCore.Storage;

namespace CivicGrid.Server.Interchange;

/// <summary>Collects rejected rows: counts them all, keeps the first few thousand in memory and streams every one
/// to the rejects file (opened on the first rejection, so a clean import leaves no file behind).</summary>
public sealed class RejectionLog(string? rejectsPath) : IDisposable
{
    public const int KeptInMemory = 1_000;

    private readonly List<ImportRejection> _kept = [];
    private FileStream? _file;
    private CsvWriter? _csv;

    public long Count { get; private set; }
    public IReadOnlyList<ImportRejection> Kept => _kept;
    public string? WrittenPath => _file is null ? null : rejectsPath;

    public void Add(ImportRejection rejection)
    {
        Count++;
        if (_kept.Count < KeptInMemory) _kept.Add(rejection);
        if (rejectsPath is null) return;
        if (_csv is null)
        {
            _file = FileFormats.CreateOutput(rejectsPath);
            _csv = CsvWriter.Create(_file, CsvFiles.WriterOptions, leaveOpen: false);
            _csv.WriteRecord(["line", "item", "reason", "original"]);
        }
        _csv.WriteRecord([rejection.Line?.ToString(CultureInfo.InvariantCulture) ?? "", CsvFiles.Protect(rejection.Item), CsvFiles.Protect(rejection.Reason), CsvFiles.Protect(rejection.Original)]);
    }

    /// <summary>Commits, or rolls back when a row was rejected and bad rows are not to be skipped.</summary>
    public async Task<ImportResult> FinishAsync(IDbContextTransaction transaction, long valid, ImportOptions options, CancellationToken cancellationToken)
    {
        Dispose();
        var commit = Count == 0 || options.SkipBad;
        if (commit) await transaction.CommitAsync(cancellationToken);
        else await transaction.RollbackAsync(cancellationToken);
        return new ImportResult(valid, commit ? valid : 0, Count, _kept, commit, WrittenPath);
    }

    public void Dispose()
    {
        _csv?.Dispose();
        _csv = null;
        _file?.Dispose();
    }
}
