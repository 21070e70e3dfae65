using System.Collections.Concurrent;

namespace CivicGrid.Server.Features.PublicService;

/// <summary>Counts wrong look-ups per case number (in this server's memory): after <see cref="MaxFailures"/> in an
/// hour the number answers "no match" even to the right digits until the hour is over. Beside the per-IP rate limit
/// this stops trying all 10,000 endings of one number from many addresses.</summary>
public sealed class LookupGuard(TimeProvider time)
{
    public const int MaxFailures = 5;
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private const int MaxTracked = 100_000;
    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset Since)> _failures = new(StringComparer.Ordinal);

    public bool MayTry(string number) =>
        !_failures.TryGetValue(number, out var entry) || time.GetUtcNow() - entry.Since >= Window || entry.Failures < MaxFailures;

    public void Failed(string number)
    {
        var now = time.GetUtcNow();
        if (_failures.Count >= MaxTracked)
        {
            foreach (var (key, entry) in _failures)
                if (now - entry.Since >= Window) _failures.TryRemove(key, out _);
        }
        _failures.AddOrUpdate(number, (1, now), (_, entry) => now - entry.Since >= Window ? (1, now) : (entry.Failures + 1, entry.Since));
    }
}
