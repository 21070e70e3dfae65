using CivicGrid.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Cases;

public sealed partial class CaseWriter
{
    /// <summary>Answers the reports whose Idempotency-Key is stored already (one read for the whole batch), as
    /// <see cref="Idempotency.Answer"/> decides. Returns the reports left to write. A key stored by another instance
    /// meanwhile makes the insert fail; <see cref="CaseIntake"/> then answers it the same way.</summary>
    private async Task<List<Pending>> AnswerRepeatedKeysAsync(List<Pending> batch)
    {
        var keys = batch.Where(p => p.Idempotency is not null).Select(p => (p.Idempotency!.Scope, p.Idempotency.Key)).Distinct().ToList();
        if (keys.Count == 0) return batch;
        var db = (await SessionAsync()).Db;
        var stored = await Idempotency.StoredAsync(db, keys, default);
        if (stored.Count == 0) return batch;
        var caseIds = stored.Values.Select(r => r.CaseId).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
        var left = new List<Pending>(batch.Count);
        foreach (var pending in batch)
        {
            if (pending.Idempotency is not { } key || !stored.TryGetValue((key.Scope, key.Key), out var record))
            {
                left.Add(pending);
                continue;
            }
            try
            {
                pending.Done.TrySetResult(Idempotency.Answer(key, record, cases[record.CaseId]));
            }
            catch (IdempotencyConflictException conflict)
            {
                pending.Done.TrySetException(conflict);
            }
        }
        return left;
    }
}
