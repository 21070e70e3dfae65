using CivicGrid.Data;
using CivicGrid.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Features.Notifications;

/// <summary>Sends the outbox: claims due messages with a lease, sends them through the <see cref="INotificationSender"/>,
/// marks them sent, or on failure keeps them with a back-off. Several instances (servers) may run at once: a message
/// changes hands only in one UPDATE whose WHERE says "still unsent and not leased", so two instances never hold the
/// same lease (on PostgreSQL the second UPDATE waits for the row lock and re-checks the WHERE against the committed
/// row; SQLite has a single writer). Delivery is at least once: a crash between sending and marking leaves the lease
/// to expire and the message to be sent again.</summary>
public sealed partial class NotificationOutboxSender : IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly INotificationSender _sender;
    private readonly TimeProvider _time;
    private readonly NotificationOptions _options;
    private readonly ILogger<NotificationOutboxSender> _logger;
    private readonly SemaphoreSlim _running = new(1, 1);

    public NotificationOutboxSender(IServiceScopeFactory scopes, INotificationSender sender, TimeProvider time,
        IOptions<NotificationOptions> options, ILogger<NotificationOutboxSender> logger, string? instanceId = null)
    {
        (_scopes, _sender, _time, _options, _logger) = (scopes, sender, time, options.Value, logger);
        InstanceId = instanceId ?? _options.InstanceId ?? DefaultInstanceId();
    }

    /// <summary>This sender's name in the ClaimedBy column.</summary>
    public string InstanceId { get; }

    /// <summary>What one run did.</summary>
    public sealed record Run(int Claimed, int Sent, int Failed);

    /// <summary>Claims up to Notifications:BatchSize due messages and sends them. Runs of one instance never overlap.</summary>
    public async Task<Run> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _running.WaitAsync(cancellationToken);
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
            var claimed = await ClaimAsync(db, cancellationToken);
            var sent = new List<long>(claimed.Count);
            var failed = 0;
            try
            {
                if (_sender is INotificationBatchSender batch) failed = await SendBatchAsync(db, batch, claimed, sent, cancellationToken);
                else
                {
                    foreach (var message in claimed)
                    {
                        if (_time.GetUtcNow() >= message.ClaimedUntil) break; // the lease ran out: another instance may take over
                        if (await SendOneAsync(db, message, cancellationToken)) sent.Add(message.Id);
                        else failed++;
                    }
                }
            }
            finally
            {
                // One UPDATE (one commit) for the run's sent messages, marked even if a cancellation came meanwhile:
                // they were sent. A crash before it leaves their leases to expire and sends them again (at least once).
                await MarkSentAsync(db, sent);
            }
            return new Run(claimed.Count, sent.Count, failed);
        }
        finally
        {
            _running.Release();
        }
    }

    private async Task<List<NotificationMessage>> ClaimAsync(CivicGridDbContext db, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var candidates = await db.NotificationOutbox.AsNoTracking()
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(_options.BatchSize).ToListAsync(cancellationToken);
        if (candidates.Count == 0) return [];
        var until = now + _options.Lease;
        // The claim proper: the full condition again in the UPDATE's own WHERE, so a row another instance claimed
        // since the SELECT above is skipped.
        await db.NotificationOutbox
            .Where(m => candidates.Contains(m.Id) && m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, InstanceId).SetProperty(m => m.ClaimedUntil, until), cancellationToken);
        return await db.NotificationOutbox.AsNoTracking()
            .Where(m => candidates.Contains(m.Id) && m.SentAt == null && m.ClaimedBy == InstanceId && m.ClaimedUntil > now)
            .OrderBy(m => m.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The claimed messages still under their lease in one call; on failure each is kept with its back-off.
    /// Returns how many failed.</summary>
    private async Task<int> SendBatchAsync(CivicGridDbContext db, INotificationBatchSender batch, List<NotificationMessage> claimed,
        List<long> sent, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var leased = claimed.Where(m => now < m.ClaimedUntil).ToList();
        try
        {
            await batch.SendAllAsync(leased, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            foreach (var message in leased) await KeepForRetryAsync(db, message, exception);
            return leased.Count;
        }
        sent.AddRange(leased.Select(m => m.Id));
        return 0;
    }

    private async Task<bool> SendOneAsync(CivicGridDbContext db, NotificationMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await _sender.SendAsync(message, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await KeepForRetryAsync(db, message, exception);
            return false;
        }
        return true;
    }

    private async Task KeepForRetryAsync(CivicGridDbContext db, NotificationMessage message, Exception exception)
    {
        var attempts = message.Attempts + 1;
        var delay = TimeSpan.FromTicks(Math.Min(_options.MaxRetryDelay.Ticks,
            _options.RetryBaseDelay.Ticks * (long)Math.Pow(2, Math.Min(20, attempts - 1))));
        var next = _time.GetUtcNow() + delay;
        var error = exception.Message.Length > 1000 ? exception.Message[..1000] : exception.Message;
        await db.NotificationOutbox.Where(m => m.Id == message.Id && m.ClaimedBy == InstanceId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LastError, error).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
        LogFailed(_logger, message.Id, attempts, delay, exception);
    }

    private async Task MarkSentAsync(CivicGridDbContext db, List<long> sent)
    {
        if (sent.Count == 0) return;
        var sentAt = _time.GetUtcNow();
        await db.NotificationOutbox.Where(m => sent.Contains(m.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, sentAt).SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
    }

    public void Dispose() => _running.Dispose();

    /// <summary>host/process/random: unique even for two senders in one process.</summary>
    private static string DefaultInstanceId()
    {
        var host = Environment.MachineName.Length > 40 ? Environment.MachineName[..40] : Environment.MachineName;
        return $"{host}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {MessageId} failed (attempt {Attempts}); trying again in {Delay}")]
    private static partial void LogFailed(ILogger logger, long messageId, int attempts, TimeSpan delay, Exception exception);
}
