using System.Globalization;
using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Server.Platform.Cli;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Seeding;

/// <summary>Saves the told cases in batches (case rows, then their history and alerts) in one transaction, and the
/// daily number counters so that live reports continue each day's sequence.</summary>
internal static class DemoCaseWriter
{
    private const int CasesPerBatch = 5_000;

    private static readonly string[] MoveIdentitySequences =
    [
        """SELECT setval(pg_get_serial_sequence('"Cases"', 'Id'), MAX("Id")) FROM "Cases" HAVING COUNT(*) > 0""",
        """SELECT setval(pg_get_serial_sequence('"CaseHistory"', 'Id'), MAX("Id")) FROM "CaseHistory" HAVING COUNT(*) > 0""",
        """SELECT setval(pg_get_serial_sequence('"CaseAlerts"', 'Id'), MAX("Id")) FROM "CaseAlerts" HAVING COUNT(*) > 0""",
    ];

    /// <summary>Case ids come from the plans; history and alert ids are given here in order, so the rows go in by bulk
    /// insert as they are. On PostgreSQL the identity sequences are then moved past them.</summary>
    public static async Task WriteAsync(
        CivicGridDbContext db, string cityCode, IReadOnlyList<DemoCasePlan> plans, IEnumerable<DemoCaseRun> runs,
        IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        var nextEntryId = (await db.CaseHistory.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0) + 1;
        var nextAlertId = (await db.CaseAlerts.MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0) + 1;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var done = 0;
            foreach (var batch in runs.Chunk(CasesPerBatch))
            {
                var entries = batch.SelectMany(r => r.Entries).ToList();
                var alerts = batch.SelectMany(r => r.Alerts).ToList();
                foreach (var entry in entries) entry.Id = nextEntryId++;
                foreach (var alert in alerts) alert.Id = nextAlertId++;
                await BulkWriter.InsertAsync(db, batch.Select(r => r.Case), null, cancellationToken);
                await BulkWriter.InsertAsync(db, entries, null, cancellationToken);
                await BulkWriter.InsertAsync(db, alerts, null, cancellationToken);
                done += batch.Length;
                progress?.Report(new ProgressReport("cases", done, plans.Count));
            }

            await BulkWriter.InsertAsync(db, Counters(cityCode, plans), null, cancellationToken);
            if (db.Database.IsNpgsql())
            {
                foreach (var statement in MoveIdentitySequences) await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>One counter per local day holding its last demo sequence number (numbers are prefix + yyyyMMdd + 5 digits).</summary>
    private static List<CaseNumberCounter> Counters(string cityCode, IReadOnlyList<DemoCasePlan> plans) =>
        plans.GroupBy(p => DateOnly.ParseExact(p.Number[^13..^5], "yyyyMMdd", CultureInfo.InvariantCulture))
            .Select(day => new CaseNumberCounter
            {
                CityCode = cityCode, Day = day.Key, Last = day.Max(p => int.Parse(p.Number[^5..], CultureInfo.InvariantCulture)),
            })
            .ToList();
}
