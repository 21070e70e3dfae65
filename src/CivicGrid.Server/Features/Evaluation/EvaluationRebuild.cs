using CivicGrid.Data;
using CivicGrid.Domain.Evaluation;
using CivicGrid.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Evaluation;

/// <summary>Recomputes every roll-up from the case history (the `evaluate rebuild` verb; after the demo seeder, which
/// writes history without the step observers). Replaces the table in one transaction; run it while no steps are taken
/// (steps taken meanwhile would be counted by the observer and then overwritten).</summary>
public sealed class EvaluationRebuild(CivicGridDbContext db)
{
    private const int CasesPerRead = 5_000;
    private const int RowsPerSave = 5_000;

    /// <summary>Returns the number of cases replayed and roll-up rows written.</summary>
    public async Task<(int Cases, int Rows)> RunAsync(CancellationToken cancellationToken)
    {
        var rows = await ComputeAsync(cancellationToken);
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.EvaluationRollups.ExecuteDeleteAsync(cancellationToken);
            foreach (var chunk in rows.Rows.Values.Chunk(RowsPerSave))
            {
                db.EvaluationRollups.AddRange(chunk);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
        return (rows.Cases, rows.Rows.Count);
    }

    /// <summary>The roll-ups the history implies, without writing them (the rebuild test compares them with the table).</summary>
    internal async Task<(int Cases, Dictionary<RollupKey, EvaluationRollup> Rows)> ComputeAsync(CancellationToken cancellationToken)
    {
        // The city's zone, as CityCalendar reads it (the demo seeder runs this before that cache may be filled).
        var zoneId = await db.Cities.AsNoTracking().OrderBy(c => c.Code).Select(c => c.TimeZoneId).FirstOrDefaultAsync(cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId ?? ChineseHolidays.TimeZoneId);
        var rows = new Dictionary<RollupKey, EvaluationRollup>();
        long after = 0;
        var cases = 0;
        while (true)
        {
            var facts = await EvaluationHistory.Facts(db.Cases.AsNoTracking().Where(c => c.Id > after).OrderBy(c => c.Id).Take(CasesPerRead))
                .ToListAsync(cancellationToken);
            if (facts.Count == 0) break;
            var (from, to) = (facts[0].Id, facts[^1].Id);
            var history = await EvaluationHistory.Entries(db.CaseHistory.AsNoTracking().Where(e => e.CaseId >= from && e.CaseId <= to))
                .ToListAsync(cancellationToken);
            var byCase = history.ToLookup(e => e.CaseId);
            foreach (var fact in facts)
            {
                RollupKey.Accumulate(rows, CaseTrail.Replay(fact.ToFacts(), byCase[fact.Id].OrderBy(e => e.Sequence)), zone);
            }
            cases += facts.Count;
            after = to;
        }
        return (cases, rows);
    }
}
