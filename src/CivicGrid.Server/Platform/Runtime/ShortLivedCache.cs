using System.Collections.Concurrent;
using System.Diagnostics;

namespace CivicGrid.Server.Platform.Runtime;

/// <summary>A per-instance cache of values read from the database on a hot path (a signed-in user's roles and scope, an
/// API key), each kept for at most <see cref="Lifetime"/>, and dropped at once by <see cref="Clear"/> when a change
/// commits (on any instance: callers clear it from an <c>IClusterSignal</c>). A read that started before a clear never
/// repopulates the cache with what it read (a generation check), so after a clear nothing older survives.
/// Ages are measured on the monotonic clock, not the injected <see cref="TimeProvider"/>: a test's frozen domain clock
/// must not keep an entry alive.</summary>
public class ShortLivedCache<TKey, TValue>(TimeSpan lifetime) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();
    private long _generation;

    public TimeSpan Lifetime { get; } = lifetime;

    /// <summary>What to pass to <see cref="Put"/>: take it before reading the value.</summary>
    public long Generation => Volatile.Read(ref _generation);

    /// <summary>The monotonic time stamp to take before reading a value (its age counts from there).</summary>
    public long Now => Stopwatch.GetTimestamp();

    public bool TryGet(TKey key, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry) && Stopwatch.GetElapsedTime(entry.ReadAt) < Lifetime)
        {
            value = entry.Value;
            return true;
        }
        value = default!;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/>, read after <paramref name="generation"/> was taken, unless the cache was
    /// cleared meanwhile. A bounded cache: beyond <paramref name="maxEntries"/> nothing new is kept until the next clear
    /// or until expired entries are swept.</summary>
    public void Put(TKey key, TValue value, long generation, long readAt, int maxEntries = 100_000)
    {
        if (Lifetime <= TimeSpan.Zero) return;
        if (_entries.Count >= maxEntries && !_entries.ContainsKey(key))
        {
            foreach (var (k, e) in _entries)
            {
                if (Stopwatch.GetElapsedTime(e.ReadAt) >= Lifetime) _entries.TryRemove(k, out _);
            }
            if (_entries.Count >= maxEntries) return;
        }
        _entries[key] = new Entry(value, readAt);
        if (Generation != generation) _entries.TryRemove(key, out _); // cleared while we read: what we read may be stale
    }

    /// <summary>The kept value of <paramref name="key"/>, else <paramref name="read"/>'s (kept when
    /// <paramref name="keep"/> says so) — the generation and age taken before the read, as <see cref="Put"/> needs.
    /// Static lambdas with <paramref name="state"/> keep the hit path free of allocations.</summary>
    public async ValueTask<TValue> GetOrReadAsync<TState>(TKey key, TState state,
        Func<TState, CancellationToken, Task<TValue>> read, Func<TValue, bool> keep, int maxEntries,
        CancellationToken cancellationToken)
    {
        if (TryGet(key, out var value)) return value;
        var (generation, readAt) = (Generation, Now);
        value = await read(state, cancellationToken);
        if (keep(value)) Put(key, value, generation, readAt, maxEntries);
        return value;
    }

    /// <summary>Drops every entry; reads in flight will not put theirs.</summary>
    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    private sealed record Entry(TValue Value, long ReadAt);
}
