using CivicGrid.Server.Features.Cases;

namespace CivicGrid.Bench;

/// <summary>The diagnostic group-commit mode of the bare endpoint: one writer drains the rows waiting at that moment and
/// inserts them with the same prepared statements in one transaction — the ceiling of group commit on this disk.</summary>
public sealed partial class BareCaseEndpoint
{
    private async Task WriteGroupsAsync()
    {
        using var writer = Writer.Open(_connectionString, _synchronous);
        var batch = new List<PendingRow>();
        while (await _groupCommit!.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < 64 && _groupCommit.Reader.TryRead(out var row)) batch.Add(row);
            try
            {
                var ids = writer.InsertMany(batch);
                for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(ids[i]);
            }
            catch (Exception exception)
            {
                foreach (var row in batch) row.Done.TrySetException(exception);
            }
        }
    }

    private sealed record PendingRow(string Number, CreateCaseRequest Input, double Longitude, double Latitude, long Now, TaskCompletionSource<long> Done);
}
