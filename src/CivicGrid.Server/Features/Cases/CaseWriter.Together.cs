using System.Data.Common;
using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Geography;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Cases;

public sealed partial class CaseWriter
{
    /// <summary>The fast way (ADR 0008): the whole batch with a fixed handful of statements — one number upsert per day,
    /// one insert round for the cases, one for their history entries, keys, observers' and companions' rows — instead of a handful per
    /// report. Null when anything fails or the batch needs the careful way (two reports of one case in the batch); the
    /// transaction is then rolled back, the session dropped and <see cref="WriteOneByOneAsync"/> writes the batch report by report.</summary>
    private async Task<Result[]?> TryWriteTogetherAsync(List<Pending> batch)
    {
        var session = await SessionAsync();
        var (db, observers) = (session.Db, session.Observers);
        try
        {
            var (city, context) = (await CityAsync(session), await WorkflowContextAsync());
            await using var transaction = await db.Database.BeginTransactionAsync();
            var now = _time.GetUtcNow();
            var steps = new CaseStep[batch.Count];
            var kinds = new IntakeOutcomeKind[batch.Count];
            var fresh = new List<int>(batch.Count);
            var linked = new HashSet<long>();
            for (var i = 0; i < batch.Count; i++)
            {
                var report = batch[i].Report;
                if (_options.DuplicateRadiusMetres > 0 && report.TypeCode is not null)
                {
                    if (RepeatsWithinBatch(batch, fresh, i)) return null;
                    var existing = await DuplicateFinder.FindAsync(db, report.Kind, report.TypeCode,
                        new GeoPoint(report.Longitude, report.Latitude), now, _options, default);
                    if (existing is not null)
                    {
                        if (!linked.Add(existing.Id)) return null;
                        var step = existing.LinkDuplicate(report, batch[i].Actor, now);
                        db.CaseHistory.Add(step);
                        (steps[i], kinds[i]) = (new CaseStep(existing, step), IntakeOutcomeKind.LinkedToExisting);
                        continue;
                    }
                }
                fresh.Add(i);
            }
            // On SQLite (one writer, the batch holds the write lock) new rows go in with prepared statements and the cases
            // get their ids up front, so each is written once, already sealed; elsewhere, and when a duplicate link
            // updates an existing case, EF Core's SaveChanges writes them.
            var direct = _options.DirectSqliteInserts && db.Database.IsSqlite() && linked.Count == 0;
            if (fresh.Count > 0)
            {
                var localDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, context.Calendar.Zone).DateTime);
                var numbers = await CaseNumbers.NextAsync(db, city.Code, city.CaseNumberPrefix, localDay, fresh.Count, default);
                var firstId = direct ? await BulkWriter.NextIdAsync<Case>(db, default) : 0;
                for (var n = 0; n < fresh.Count; n++)
                {
                    var i = fresh[n];
                    var (created, entry) = Case.Report(numbers[n], city.Code, batch[i].Report, batch[i].Actor, now, context, direct ? firstId + n : 0);
                    if (!direct) db.Cases.Add(created);
                    (steps[i], kinds[i]) = (new CaseStep(created, entry), IntakeOutcomeKind.Created);
                }
                if (!direct)
                {
                    await db.SaveChangesAsync();
                    foreach (var i in fresh)
                    {
                        steps[i].Case.SealReport(steps[i].Entry);
                        db.CaseHistory.Add(steps[i].Entry);
                    }
                }
            }
            var keys = new List<IdempotencyRecord>(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch[i].Idempotency is { } key) keys.Add(Idempotency.Record(key, steps[i].Case.Id, now));
            }
            if (direct)
            {
                await BulkWriter.InsertAsync(db, fresh.Select(i => steps[i].Case), null, default);
                await BulkWriter.InsertAsync(db, fresh.Select(i => steps[i].Entry), null, default);
                await BulkWriter.InsertAsync(db, keys, null, default);
            }
            else db.IdempotencyRecords.AddRange(keys);
            await observers.NotifyAsync(db, steps, default);
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch[i].Companion is { } companion) await companion.AddAsync(db, steps[i].Case, now, default);
            }
            if (!direct || !BulkWriter.TryInsertTracked(db)) await db.SaveChangesAsync();
            await transaction.CommitAsync();
            db.ChangeTracker.Clear(); // before the cases go to their callers: the session's context lives on
            return steps.Select((step, i) => new Result((new IntakeOutcome(step.Case, kinds[i]), step.Entry), null)).ToArray();
        }
        catch (Exception exception) when (exception is DbUpdateException or DbException or InvalidOperationException)
        {
            LogBatchRetried(_logger, batch.Count, exception);
            return null;
        }
    }

    /// <summary>Whether report <paramref name="i"/> repeats a report of the same batch that is becoming a case: its
    /// link must wait for that case's id, which the careful way gives one report at a time.</summary>
    private bool RepeatsWithinBatch(List<Pending> batch, List<int> fresh, int i)
    {
        var report = batch[i].Report;
        var position = new GeoPoint(report.Longitude, report.Latitude);
        foreach (var j in fresh)
        {
            var earlier = batch[j].Report;
            if (earlier.Kind == report.Kind && earlier.TypeCode == report.TypeCode
                && GeoDistance.Metres(position, new GeoPoint(earlier.Longitude, earlier.Latitude)) <= _options.DuplicateRadiusMetres)
            {
                return true;
            }
        }
        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A group commit of {Count} reports is written report by report after an error")]
    private static partial void LogBatchRetried(ILogger logger, int count, Exception exception);
}
