using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Cases;

/// <summary>Checks every case's history chain; reports the first broken entry.</summary>
public static class HistoryAudit
{
    public sealed record Break(string CaseNumber, int Sequence, string Problem);

    public static async Task<(long Cases, long Entries, Break? FirstBreak)> VerifyAsync(CivicGridDbContext db, CancellationToken cancellationToken)
    {
        long cases = 0, entries = 0, after = 0;
        while (true)
        {
            var batch = await db.Cases.AsNoTracking().Where(c => c.Id > after).OrderBy(c => c.Id).Take(500)
                .Select(c => new { c.Id, c.Number, c.LastHistoryHash }).ToListAsync(cancellationToken);
            if (batch.Count == 0) return (cases, entries, null);
            var ids = batch.Select(c => c.Id).ToList();
            var history = (await db.CaseHistory.AsNoTracking().Where(e => ids.Contains(e.CaseId)).ToListAsync(cancellationToken))
                .ToLookup(e => e.CaseId);
            foreach (var @case in batch)
            {
                var chain = history[@case.Id].OrderBy(e => e.Sequence).ToList();
                entries += chain.Count;
                cases++;
                if (HistoryChain.Verify(chain, @case.LastHistoryHash) is { } broken)
                    return (cases, entries, new Break(@case.Number, broken.Sequence, broken.Problem));
            }
            after = batch[^1].Id;
        }
    }
}
