using CivicGrid.Data;
using CivicGrid.Domain.Geography;
using CivicGrid.Server.Platform.LiveUpdates;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Geography;

/// <summary>Point → unit grid → community → street → district, through in-memory indexes (<see cref="GridIndex{T}"/>)
/// loaded from the database. Whoever changes grids or boundaries calls <see cref="Invalidate"/>; the next lookup reloads.
/// Other instances learn of the change through <see cref="Invalidated"/> (forwarded by the PostgreSQL relay), and
/// drop their snapshot through <see cref="InvalidateFromPeer"/>.</summary>
public sealed class GridLocator(IServiceScopeFactory scopes) : IDisposable, IClusterSignal
{
    string IClusterSignal.Channel => ClusterSignals.GridsChannel;

    event Action? IClusterSignal.ChangedHere { add => Invalidated += value; remove => Invalidated -= value; }

    void IClusterSignal.OnChangedElsewhere() => InvalidateFromPeer();

    private volatile Snapshot? _snapshot;
    private readonly SemaphoreSlim _loading = new(1, 1);

    public void Invalidate()
    {
        _snapshot = null;
        Invalidated?.Invoke();
    }

    /// <summary>Raised by <see cref="Invalidate"/>: grids or boundaries changed in this process.</summary>
    public event Action? Invalidated;

    /// <summary>Another instance (or an import run from the CLI) changed grids or boundaries: reload on the next
    /// lookup, without announcing it again.</summary>
    public void InvalidateFromPeer() => _snapshot = null;

    public void Dispose() => _loading.Dispose();

    public async Task<GridLocation?> LocateAsync(double longitude, double latitude, CancellationToken cancellationToken = default)
    {
        var snapshot = _snapshot ?? await LoadAsync(cancellationToken);
        return snapshot.Locate(longitude, latitude);
    }

    /// <summary>The loaded snapshot, for hot loops that locate many points (imports, benchmarks).</summary>
    public async Task<Snapshot> GetSnapshotAsync(CancellationToken cancellationToken = default) =>
        _snapshot ?? await LoadAsync(cancellationToken);

    private async Task<Snapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } loaded) return loaded;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
            var units = await db.AdministrativeUnits.AsNoTracking()
                .Select(u => new { u.Code, u.Name, u.Level, u.Boundary }).ToListAsync(cancellationToken);
            var grids = await db.UnitGrids.AsNoTracking()
                .Select(g => new { g.Code, g.CommunityCode, g.Boundary, g.IsBuiltUp }).ToListAsync(cancellationToken);
            var names = units.ToDictionary(u => u.Code, u => u.Name);
            var snapshot = new Snapshot(
                new GridIndex<(string, string, bool)>(grids.Select(g => (g.Boundary, (g.Code, g.CommunityCode, g.IsBuiltUp)))),
                new GridIndex<string>(units.Where(u => u.Level == AdministrativeLevel.Community && u.Boundary is not null)
                    .Select(u => (u.Boundary!, u.Code))),
                names);
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>One consistent view of the grids; safe to query from many threads.</summary>
    public sealed class Snapshot(
        GridIndex<(string Grid, string Community, bool BuiltUp)> grids, GridIndex<string> communities, Dictionary<string, string> names)
    {
        public int GridCount => grids.Count;

        public GridLocation? Locate(double longitude, double latitude)
        {
            if (grids.TryFind(longitude, latitude, out var hit)) return Chain(hit.Grid, hit.Community, hit.BuiltUp);
            return communities.TryFind(longitude, latitude, out var community) ? Chain(null, community, builtUp: true) : null;
        }

        /// <summary>Only the grid code: the hot path for bulk work.</summary>
        public string? FindGridCode(double longitude, double latitude) =>
            grids.TryFind(longitude, latitude, out var hit) ? hit.Grid : null;

        private GridLocation Chain(string? grid, string community, bool builtUp)
        {
            var street = community[..9];
            var district = community[..6];
            return new GridLocation(grid, Ref(community), Ref(street), Ref(district), builtUp);
        }

        private UnitRef Ref(string code) => new(code, names.GetValueOrDefault(code, code));
    }
}
