using CivicGrid.Data;
using CivicGrid.Domain.Geography;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Geography;

/// <summary>Places and addresses from the city model, in memory: the basemap's roads, water and landmarks and the
/// named administrative units, loaded once from the database into a <see cref="PlaceSnapshot"/>. Like the map's area
/// layers it follows <see cref="GridLocator"/>: whoever changes grids, boundaries or the basemap calls
/// <see cref="GridLocator.Invalidate"/>, and the snapshot is rebuilt beside the locator's next one.</summary>
public sealed class CityPlaces(IServiceScopeFactory scopes, GridLocator locator) : IDisposable
{
    private volatile PlaceSnapshot? _snapshot;
    private readonly SemaphoreSlim _loading = new(1, 1);

    public void Dispose() => _loading.Dispose();

    public async Task<PlaceSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default)
    {
        var geography = await locator.GetSnapshotAsync(cancellationToken);
        return _snapshot is { } current && ReferenceEquals(current.Geography, geography) ? current : await LoadAsync(geography, cancellationToken);
    }

    private async Task<PlaceSnapshot> LoadAsync(GridLocator.Snapshot geography, CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } loaded && ReferenceEquals(loaded.Geography, geography)) return loaded;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
            var features = await db.BasemapFeatures.AsNoTracking().OrderBy(f => f.Id)
                .Select(f => new NamedFeature(f.Id, f.Kind, f.Name, f.Rank, f.Geometry)).ToListAsync(cancellationToken);
            var units = await db.AdministrativeUnits.AsNoTracking().Where(u => u.Boundary != null && u.Level != AdministrativeLevel.City)
                .OrderBy(u => u.Code).Select(u => new { u.Code, u.Name, u.Level, u.Boundary }).ToListAsync(cancellationToken);
            var snapshot = new PlaceSnapshot(geography, features,
                units.Select(u => new NamedUnit(u.Code, u.Name, u.Level, u.Boundary!)).ToList());
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }
}

/// <summary>A district, street or community with its boundary.</summary>
public sealed record NamedUnit(string Code, string Name, AdministrativeLevel Level, NetTopologySuite.Geometries.Geometry Boundary);
