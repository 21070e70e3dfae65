using System.Collections.Concurrent;

namespace CivicGrid.Server.Features.Cases;

/// <summary>Keys whose request is being processed in this instance: a second request with the same key meanwhile
/// is answered 409 instead of waiting. Across instances the database's primary key settles the race.</summary>
public sealed class IdempotencyGate
{
    private readonly ConcurrentDictionary<(string Scope, string Key), byte> _inFlight = new();

    public IDisposable? TryEnter(string scope, string key) =>
        _inFlight.TryAdd((scope, key), 0) ? new Release(() => _inFlight.TryRemove((scope, key), out _)) : null;

    private sealed class Release(Action release) : IDisposable
    {
        public void Dispose() => release();
    }
}
