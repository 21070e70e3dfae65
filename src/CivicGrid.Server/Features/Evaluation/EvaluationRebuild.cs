using CivicGrid.Data;
using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Evaluation;

/// <summary>
/// Recomputes every roll-up from the case history (the `evaluate rebuild` verb; after the demo seeder, which writes
/// history without the step observers) and replaces the table, safe against steps taken while it runs.
/// </summary>
/// <remarks>
/// A step writes its history entry and upserts the roll-ups in one transaction (a transition writes the entry first, a
/// report upserts first). The rebuild (1) waits for the transactions that have written history entries and holds back
/// new ones for an instant (PostgreSQL <c>LOCK TABLE "CaseHistory" IN SHARE MODE</c>), notes the highest history id and
/// lets go: every entry up to that mark is committed, every later one gets a higher id; (2) replays the history up to the
/// mark without any lock (the long part); (3) takes the roll-up lock (PostgreSQL <c>LOCK TABLE "EvaluationRollups" IN
/// EXCLUSIVE MODE</c>: dashboard reads go on, upserts wait), which waits for the steps that have upserted, adds the
/// entries committed since the mark (a few cases, replayed whole, counting only their new entries), replaces the table
/// and commits. A step that had not upserted yet does so into the new table, and its entry was not yet committed when (3)
/// read, so it counts once. On SQLite every lock is the database's one writer lock (<c>BEGIN IMMEDIATE</c>).
/// </remarks>
public sealed class EvaluationRebuild(CivicGridDbContext db)
{
    private const int CasesPerRead = 5_000;
    private const int RowsPerSave = 5_000;
    private const string LockHistory = "LOCK TABLE \"CaseHistory\" IN SHARE MODE";
    private const string LockRollups = "LOCK TABLE \"EvaluationRollups\" IN EXCLUSIVE MODE";

    /// <summary>Runs between the replay and the replacement (tests take a step there).</summary>
    internal Func<CancellationToken, Task>? AfterReplay { get; set; }

    /// <summary>Runs while the replacement holds the lock, before it reads the entries after the mark (tests start a step there).</summary>
    internal Func<CancellationToken, Task>? WhileLocked { get; set; }

    /// <summary>Returns the number of cases replayed and roll-up rows written.</summary>
    public async Task<(int Cases, int Rows)> RunAsync(CancellationToken cancellationToken)
    {
        long mark;
        await using (var first = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await LockAsync(LockHistory, cancellationToken);
            mark = await db.CaseHistory.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
            await first.CommitAsync(cancellationToken);
        }
        var rows = await ComputeAsync(cancellationToken, mark);
        if (AfterReplay is { } hook) await hook(cancellationToken);
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await LockAsync(LockRollups, cancellationToken);
            if (WhileLocked is { } locked) await locked(cancellationToken);
            await AddSinceAsync(rows.Rows, mark, cancellationToken);
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

    /// <summary>PostgreSQL: the table lock <paramref name="what"/> (LockHistory or LockRollups) until the transaction ends. SQLite: the
    /// transaction is already IMMEDIATE; a write that changes nothing makes sure this connection holds the one write lock.</summary>
    private async Task LockAsync(string what, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync(what, cancellationToken);
        else await db.Database.ExecuteSqlRawAsync("DELETE FROM \"EvaluationRollups\" WHERE 1 = 0", cancellationToken);
    }

    /// <summary>Adds the counters of the history entries after <paramref name="mark"/> (committed while the replay ran):
    /// their cases are replayed whole, only the entries after the mark count.</summary>
    private async Task AddSinceAsync(Dictionary<RollupKey, EvaluationRollup> rows, long mark, CancellationToken cancellationToken)
    {
        var changed = await db.CaseHistory.AsNoTracking().Where(e => e.Id > mark).Select(e => e.CaseId).Distinct().ToListAsync(cancellationToken);
        if (changed.Count == 0) return;
        var zone = await ZoneAsync(cancellationToken);
        foreach (var batch in changed.Chunk(CasesPerRead))
        {
            var facts = await EvaluationHistory.Facts(db.Cases.AsNoTracking().Where(c => batch.Contains(c.Id))).ToListAsync(cancellationToken);
            var before = (await EvaluationHistory.Entries(db.CaseHistory.AsNoTracking().Where(e => batch.Contains(e.CaseId) && e.Id <= mark))
                .ToListAsync(cancellationToken)).ToLookup(e => e.CaseId);
            var since = (await EvaluationHistory.Entries(db.CaseHistory.AsNoTracking().Where(e => batch.Contains(e.CaseId) && e.Id > mark))
                .ToListAsync(cancellationToken)).ToLookup(e => e.CaseId);
            foreach (var fact in facts)
            {
                var trail = new CaseTrail(fact.ToFacts());
                foreach (var entry in before[fact.Id].OrderBy(e => e.Sequence)) trail.Step(entry);
                var increments = new List<EvaluationIncrement>();
                foreach (var entry in since[fact.Id].OrderBy(e => e.Sequence)) increments.AddRange(trail.Step(entry));
                RollupKey.Accumulate(rows, increments, zone);
            }
        }
    }

    /// <summary>The roll-ups the history implies (up to history id <paramref name="upTo"/>, if given), without writing
    /// them (the rebuild test compares them with the table).</summary>
    internal async Task<(int Cases, Dictionary<RollupKey, EvaluationRollup> Rows)> ComputeAsync(CancellationToken cancellationToken, long? upTo = null)
    {
        var zone = await ZoneAsync(cancellationToken);
        var rows = new Dictionary<RollupKey, EvaluationRollup>();
        long after = 0;
        var cases = 0;
        while (true)
        {
            var facts = await EvaluationHistory.Facts(db.Cases.AsNoTracking().Where(c => c.Id > after).OrderBy(c => c.Id).Take(CasesPerRead))
                .ToListAsync(cancellationToken);
            if (facts.Count == 0) break;
            var (from, to) = (facts[0].Id, facts[^1].Id);
            var entries = db.CaseHistory.AsNoTracking().Where(e => e.CaseId >= from && e.CaseId <= to);
            if (upTo is { } mark) entries = entries.Where(e => e.Id <= mark);
            var history = await EvaluationHistory.Entries(entries).ToListAsync(cancellationToken);
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

    /// <summary>The city's zone, as CityCalendar reads it (the demo seeder runs this before that cache may be filled).</summary>
    private async Task<TimeZoneInfo> ZoneAsync(CancellationToken cancellationToken)
    {
        var zoneId = await db.Cities.AsNoTracking().OrderBy(c => c.Code).Select(c => c.TimeZoneId).FirstOrDefaultAsync(cancellationToken);
        return TimeZoneInfo.FindSystemTimeZoneById(zoneId ?? ChineseHolidays.TimeZoneId);
    }
}
