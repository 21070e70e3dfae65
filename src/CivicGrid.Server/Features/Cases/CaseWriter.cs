using System.Threading.Channels;
using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Geography;
using CivicGrid.Server.Features.Calendar;
using CivicGrid.Server.Platform.LiveUpdates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Features.Cases;

/// <summary>Writes validated reports with group commit: one writer drains the reports waiting at that moment and
/// stores them in one transaction (one fsync for many), written together through the writer's session
/// (CaseWriter.Together.cs, CaseWriter.Session.cs); if that fails, report by report, each under its own savepoint so
/// that one failing report does not take the others with it. Every caller is answered only after the commit that
/// holds its case, so an acknowledged report is durable (ADR 0008).</summary>
public sealed partial class CaseWriter : IAsyncDisposable
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly CityCalendar _calendars;
    private readonly TimeProvider _time;
    private readonly CaseOptions _options;
    private readonly ILogger<CaseWriter> _logger;
    private readonly CaseEventHub _events;
    private readonly Task _loop;

    public CaseWriter(IServiceScopeFactory scopes, CityCalendar calendars, TimeProvider time, IOptions<CaseOptions> options,
        CaseEventHub events, ILogger<CaseWriter> logger)
    {
        (_scopes, _calendars, _time, _options, _events, _logger) = (scopes, calendars, time, options.Value, events, logger);
        _loop = Task.Run(RunAsync);
    }

    public Task<IntakeOutcome> WriteAsync(ReportDetails report, Actor actor, IdempotencyKey? idempotency, IIntakeCompanion? companion = null)
    {
        var pending = new Pending(report, actor, idempotency, companion, new TaskCompletionSource<IntakeOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) throw new InvalidOperationException("The case writer has stopped.");
        return pending.Done.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < Math.Max(1, _options.MaxGroupCommit) && _queue.Reader.TryRead(out var next)) batch.Add(next);
            Platform.Telemetry.CivicGridMetrics.IntakeBatchSize.Record(batch.Count);
            try
            {
                await WriteBatchAsync(batch);
            }
            catch (Exception exception)
            {
                await DropSessionAsync();
                LogBatchFailed(_logger, batch.Count, exception);
                foreach (var pending in batch) pending.Done.TrySetException(exception);
            }
        }
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        var toWrite = await AnswerRepeatedKeysAsync(batch);
        if (toWrite.Count == 0) return;
        var results = await TryWriteTogetherAsync(toWrite);
        if (results is null)
        {
            await DropSessionAsync(); // a batch given up leaves nothing behind in the session for the next one
            results = await WriteOneByOneAsync(toWrite);
        }
        for (var i = 0; i < toWrite.Count; i++)
        {
            if (results[i].Written is { } written) toWrite[i].Done.TrySetResult(written.Outcome);
            else toWrite[i].Done.TrySetException(results[i].Error!);
        }
        foreach (var (written, _) in results)
        {
            if (written is { } w) _events.Publish(CaseEvents.Of(w.Outcome.Case, w.Step));
        }
    }

    /// <summary>The careful way: each report under its own savepoint, so that one failing report (a key another instance
    /// stored first, a duplicate in the same batch …) does not take the others with it.</summary>
    private async Task<Result[]> WriteOneByOneAsync(List<Pending> batch)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        var (city, context) = (await CityAsync(db), await WorkflowContextAsync());
        var observers = scope.ServiceProvider.GetServices<ICaseStepObserver>().ToList();
        var results = new Result[batch.Count];
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            for (var i = 0; i < batch.Count; i++)
            {
                await transaction.CreateSavepointAsync("report");
                try
                {
                    results[i] = new(await WriteOneAsync(db, city, context, observers, batch[i]), null);
                    await transaction.ReleaseSavepointAsync("report");
                }
                catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException)
                {
                    await transaction.RollbackToSavepointAsync("report");
                    db.ChangeTracker.Clear();
                    results[i] = new(null, exception);
                }
            }
            await transaction.CommitAsync();
        }
        return results;
    }

    private async Task<WorkflowContext> WorkflowContextAsync() => new(await _calendars.GetAsync(), _options.Limits, null);

    private async Task<(IntakeOutcome Outcome, CaseHistoryEntry Step)> WriteOneAsync(CivicGridDbContext db, City city, WorkflowContext context,
        IReadOnlyList<ICaseStepObserver> observers, Pending pending)
    {
        var (report, actor, idempotency) = (pending.Report, pending.Actor, pending.Idempotency);
        var now = _time.GetUtcNow();
        var existing = await DuplicateFinder.FindAsync(db, report.Kind, report.TypeCode, new GeoPoint(report.Longitude, report.Latitude), now, _options, default);
        Case @case;
        CaseHistoryEntry step;
        IntakeOutcomeKind kind;
        if (existing is not null)
        {
            step = existing.LinkDuplicate(report, actor, now);
            db.CaseHistory.Add(step);
            (@case, kind) = (existing, IntakeOutcomeKind.LinkedToExisting);
        }
        else
        {
            var localDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, context.Calendar.Zone).DateTime);
            var number = await CaseNumbers.NextAsync(db, city.Code, city.CaseNumberPrefix, localDay, default);
            var (created, entry) = Case.Report(number, city.Code, report, actor, now, context);
            db.Cases.Add(created);
            await db.SaveChangesAsync();
            created.SealReport(entry);
            db.CaseHistory.Add(entry);
            (@case, step, kind) = (created, entry, IntakeOutcomeKind.Created);
        }
        if (idempotency is not null) db.IdempotencyRecords.Add(Idempotency.Record(idempotency, @case.Id, now));
        await observers.NotifyAsync(db, @case, step, default);
        if (pending.Companion is { } companion) await companion.AddAsync(db, @case, now, default);
        await db.SaveChangesAsync();
        return (new IntakeOutcome(@case, kind), step);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        await DropSessionAsync();
    }

    private readonly record struct Result((IntakeOutcome Outcome, CaseHistoryEntry Step)? Written, Exception? Error);

    private sealed record Pending(ReportDetails Report, Actor Actor, IdempotencyKey? Idempotency, IIntakeCompanion? Companion,
        TaskCompletionSource<IntakeOutcome> Done);

    [LoggerMessage(Level = LogLevel.Error, Message = "A group commit of {Count} reports failed; each caller gets the error")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);
}
