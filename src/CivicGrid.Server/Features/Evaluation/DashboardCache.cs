using System.Collections.Concurrent;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Platform.LiveUpdates;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Features.Evaluation;

/// <summary>
/// The roll-up part of recently built dashboards, per (period, options, scope), valid while no case step has committed
/// since it was built. Every step that commits on this instance bumps <see cref="Version"/> synchronously (the
/// <see cref="CaseEventHub.Published"/> event is raised after the commit, so an entry is never newer than the data);
/// steps of other instances arrive through the hub's delivery and bump it too. What the hub does not see — a full
/// rebuild run by the CLI in another process — is bounded by <see cref="EvaluationOptions.DashboardCacheSeconds"/>
/// (0 turns the cache off). "Overdue now" and the as-of time are live on every call, never cached.
/// </summary>
public sealed class DashboardCache : IDisposable
{
    private const int MaxEntries = 256;
    private readonly ConcurrentDictionary<Key, Entry> _entries = new();
    private readonly CaseEventHub _hub;
    private readonly IDisposable _subscription;
    private readonly IOptionsMonitor<EvaluationOptions> _options;
    private readonly TimeProvider _time;
    private long _version;

    public DashboardCache(CaseEventHub hub, IOptionsMonitor<EvaluationOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(hub);
        (_hub, _options, _time) = (hub, options, time);
        _hub.Published += OnPublished;
        _subscription = _hub.Subscribe(_ =>
        {
            Invalidate();
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>Changes whenever a committed step may have changed the roll-ups.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Forgets every entry (a step committed, or a caller knows the roll-ups changed, e.g. after a rebuild).</summary>
    public void Invalidate() => Interlocked.Increment(ref _version);

    internal bool TryGet(Key key, out Dashboard dashboard)
    {
        dashboard = null!;
        if (!_entries.TryGetValue(key, out var entry) || entry.Version != Version || _time.GetUtcNow() >= entry.Expires) return false;
        dashboard = entry.Dashboard;
        return true;
    }

    /// <summary>Stores a dashboard built from the roll-ups as they were at <paramref name="version"/> (read before building).</summary>
    internal void Put(Key key, long version, Dashboard dashboard)
    {
        var seconds = _options.CurrentValue.DashboardCacheSeconds;
        if (seconds <= 0 || version != Version) return;
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[key] = new Entry(version, _time.GetUtcNow().AddSeconds(seconds), dashboard);
    }

    public void Dispose()
    {
        _hub.Published -= OnPublished;
        _subscription.Dispose();
    }

    private void OnPublished(CaseEvent _) => Invalidate();

    internal readonly record struct Key(string Period, DateOnly From, DateOnly To, bool Weekly, int Hotspots, int Top, DataScopeKind Scope, string? Division, int? Department);

    private sealed record Entry(long Version, DateTimeOffset Expires, Dashboard Dashboard);
}
