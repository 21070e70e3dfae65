using System.Collections.Concurrent;
using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Features.Open311.ApiKeys;

/// <summary>Counts requests per key in memory and writes the counts in batches (one UPDATE per key that was used,
/// every <see cref="Open311.Open311Options.UsageFlushInterval"/>, and before a list of keys is shown), so a busy
/// client costs no extra write per request. A crash loses at most one interval of counts: usage is a statistic.</summary>
public sealed partial class ApiKeyUsage(IServiceScopeFactory scopes, TimeProvider time, ILogger<ApiKeyUsage> logger) : IDisposable
{
    private ConcurrentDictionary<int, Tally> _pending = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);

    private sealed class Tally
    {
        public long Count;
        public long LastUsedTicks;
    }

    public void Record(int apiKeyId)
    {
        var tally = _pending.GetOrAdd(apiKeyId, _ => new Tally());
        Interlocked.Increment(ref tally.Count);
        Interlocked.Exchange(ref tally.LastUsedTicks, time.GetUtcNow().UtcTicks);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            var batch = Interlocked.Exchange(ref _pending, new ConcurrentDictionary<int, Tally>());
            if (batch.IsEmpty) return;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
            foreach (var (id, tally) in batch)
            {
                var count = Interlocked.Read(ref tally.Count);
                var lastUsed = new DateTimeOffset(Interlocked.Read(ref tally.LastUsedTicks), TimeSpan.Zero);
                await db.ApiKeys.Where(k => k.Id == id).ExecuteUpdateAsync(set => set
                    .SetProperty(k => k.RequestCount, k => k.RequestCount + count)
                    .SetProperty(k => k.LastUsedAt, lastUsed), cancellationToken);
            }
        }
        catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            LogFlushFailed(logger, exception);
        }
        finally
        {
            _flushing.Release();
        }
    }

    public void Dispose() => _flushing.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "API key usage could not be written; these counts are lost")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}

/// <summary>Flushes <see cref="ApiKeyUsage"/> periodically and once more on shutdown.</summary>
public sealed class ApiKeyUsageFlusher(ApiKeyUsage usage, TimeProvider time, IOptions<Open311.Open311Options> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.UsageFlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await usage.FlushAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await usage.FlushAsync(CancellationToken.None);
    }
}
