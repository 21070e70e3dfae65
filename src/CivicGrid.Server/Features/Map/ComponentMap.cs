using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Map;

/// <summary>The <see cref="ComponentIndex"/> of the live map, built from the Components table on first use (one
/// streamed pass) and kept. Whoever adds or changes components calls <see cref="Invalidate"/> after committing; the
/// next map request rebuilds. An invalidation during a build keeps that build from being cached.</summary>
public sealed class ComponentMap(IServiceScopeFactory scopes) : IDisposable
{
    private volatile ComponentIndex? _index;
    private long _generation;
    private readonly SemaphoreSlim _loading = new(1, 1);

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _index = null;
    }

    public void Dispose() => _loading.Dispose();

    public async Task<ComponentIndex> GetAsync(CancellationToken cancellationToken = default) =>
        _index ?? await LoadAsync(cancellationToken);

    private async Task<ComponentIndex> LoadAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_index is { } loaded) return loaded;
            var generation = Interlocked.Read(ref _generation);
            var started = System.Diagnostics.Stopwatch.StartNew();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
            var builder = new ComponentIndex.Builder();
            var rows = db.Components.AsNoTracking()
                .Select(c => new { c.Id, c.TypeCode, c.Name, c.Longitude, c.Latitude, c.Status }).AsAsyncEnumerable();
            await foreach (var c in rows.WithCancellation(cancellationToken))
            {
                builder.Add(c.Id, c.TypeCode, c.Name, c.Longitude, c.Latitude, c.Status);
            }
            var index = builder.Build();
            if (scope.ServiceProvider.GetService<ILogger<ComponentMap>>() is { } logger) // absent in bare CLI/test containers
                MapLog.ComponentIndexBuilt(logger, index.Count, started.ElapsedMilliseconds);
            if (Interlocked.Read(ref _generation) == generation) _index = index;
            return index;
        }
        finally
        {
            _loading.Release();
        }
    }
}
