using CivicGrid.Data;
using CivicGrid.Domain.Geography;
using CivicGrid.Server.Features.Geography;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Map;

/// <summary>The map's area layers (districts, streets, communities, unit grids), loaded once from the database into
/// <see cref="MapAreaLayer"/>s. They follow <see cref="GridLocator"/>: whoever changes grids or boundaries already
/// calls <see cref="GridLocator.Invalidate"/>, which gives the locator a new snapshot on its next use; the layers are
/// rebuilt whenever the locator's snapshot is no longer the one they were built beside.</summary>
public sealed class MapAreas(IServiceScopeFactory scopes, GridLocator locator) : IDisposable
{
    private volatile Layers? _layers;
    private readonly SemaphoreSlim _loading = new(1, 1);

    public void Dispose() => _loading.Dispose();

    public async Task<MapAreaLayer> LayerAsync(MapAreaLevel level, CancellationToken cancellationToken)
    {
        var geography = await locator.GetSnapshotAsync(cancellationToken);
        var layers = _layers is { } current && ReferenceEquals(current.Geography, geography) ? current : await LoadAsync(geography, cancellationToken);
        return layers.ByLevel[(int)level];
    }

    private async Task<Layers> LoadAsync(GridLocator.Snapshot geography, CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_layers is { } loaded && ReferenceEquals(loaded.Geography, geography)) return loaded;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
            var units = await db.AdministrativeUnits.AsNoTracking().Where(u => u.Boundary != null)
                .Select(u => new { u.Code, u.Name, u.Level, u.Boundary }).ToListAsync(cancellationToken);
            var grids = await db.UnitGrids.AsNoTracking()
                .Select(g => new { g.Code, g.CommunityCode, g.Boundary, g.IsBuiltUp }).ToListAsync(cancellationToken);
            MapAreaLayer Units(AdministrativeLevel unitLevel, MapAreaLevel mapLevel) => new(mapLevel,
                units.Where(u => u.Level == unitLevel).Select(u => new MapArea(u.Code, u.Name, u.Boundary!)));
            var layers = new Layers(geography,
            [
                Units(AdministrativeLevel.District, MapAreaLevel.District),
                Units(AdministrativeLevel.Street, MapAreaLevel.Street),
                Units(AdministrativeLevel.Community, MapAreaLevel.Community),
                new MapAreaLayer(MapAreaLevel.Grid, grids.Select(g => new MapArea(g.Code, g.Code, g.Boundary, g.CommunityCode, g.IsBuiltUp))),
            ]);
            _layers = layers;
            return layers;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>The four layers, indexed by <see cref="MapAreaLevel"/>, and the locator snapshot they belong with.</summary>
    private sealed record Layers(GridLocator.Snapshot Geography, MapAreaLayer[] ByLevel);
}
