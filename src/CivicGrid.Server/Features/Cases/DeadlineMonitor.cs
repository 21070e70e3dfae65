using CivicGrid.Data;
using CivicGrid.Server.Platform.Jobs;
using CivicGrid.Server.Platform.LiveUpdates;
using CivicGrid.Server.Platform.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Features.Cases;

/// <summary>The deadline job: finds stages past their deadline, records "overdue" on the case and raises one alert per
/// stage. Safe to run twice or on several instances at once: the case's concurrency token lets one writer win. With
/// several instances, the "deadline-monitor" job lease lets only one of them scan at a time (no wasted passes).</summary>
public sealed partial class DeadlineMonitor(IServiceScopeFactory scopes, TimeProvider time, IOptions<CaseOptions> options, CaseEventHub events,
    JobLeases leases, ILogger<DeadlineMonitor> logger)
    : BackgroundService
{
    /// <summary>The name of this job's lease in JobLeases.</summary>
    public const string JobName = "deadline-monitor";

    /// <summary>One pass; returns the number of alerts raised.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var raised = 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        var observers = scope.ServiceProvider.GetServices<ICaseStepObserver>().ToList();
        while (true)
        {
            var due = await db.Cases.Where(c => c.StageDueAt != null && c.StageDueAt < now && !c.StageOverdueAlerted)
                .OrderBy(c => c.StageDueAt).Take(200).ToListAsync(cancellationToken);
            if (due.Count == 0) return raised;
            var progress = 0;
            foreach (var @case in due)
            {
                using var caseScope = CaseLogScope.Begin(logger, @case.Number);
                if (@case.RaiseOverdue(now) is not { } overdue) continue;
                db.CaseHistory.Add(overdue.Entry);
                db.CaseAlerts.Add(overdue.Alert);
                try
                {
                    await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
                    {
                        await db.SaveChangesAsync(cancellationToken);
                        await observers.NotifyAsync(db, @case, overdue.Entry, cancellationToken);
                        await db.SaveChangesAsync(cancellationToken);
                        await transaction.CommitAsync(cancellationToken);
                    }
                    events.Publish(CaseEvents.Of(@case, overdue.Entry));
                    raised++;
                    progress++;
                    CivicGridMetrics.OverdueAlerts.Add(1);
                    LogOverdue(logger, @case.Number, @case.Status.ToString());
                }
                catch (DbUpdateException)
                {
                    // Another step or instance changed the case first: drop this attempt; the next pass looks again.
                    foreach (var added in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
                    {
                        added.State = EntityState.Detached;
                    }
                    db.Entry(@case).State = EntityState.Detached;
                }
            }
            db.ChangeTracker.Clear();
            if (progress == 0) return raised;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.DeadlineScanInterval;
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            do
            {
                try
                {
                    // Renewed on every pass; another instance takes over three intervals after this one stops.
                    if (await leases.TryHoldAsync(JobName, interval * 3, stoppingToken)) await RunOnceAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogFailed(logger, exception);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        finally
        {
            await ReleaseLeaseAsync();
        }
    }

    private async Task ReleaseLeaseAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await leases.ReleaseAsync(JobName, timeout.Token);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogReleaseFailed(logger, exception); // the lease expires by itself
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseNumber} is overdue in status {Status}")]
    private static partial void LogOverdue(ILogger logger, string caseNumber, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "The deadline job could not give its lease up; it expires by itself")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The deadline job failed; it will try again at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
