using CivicGrid.Data;
using CivicGrid.Domain.Geography;
using CivicGrid.Server.Features.Geography;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Organisation;

/// <summary>Names for place codes, for every page a person reads (issue 18 item 1): districts, streets and communities
/// by name from the city model ("德瑞街道 · 东山社区 · 网格 032"), codes only as secondary detail. Kept in memory beside
/// the grid locator like <see cref="CityPlaces"/>: whoever changes grids or boundaries calls
/// <see cref="GridLocator.Invalidate"/>, and the names are read again beside the locator's next snapshot. It lives in
/// Organisation (not Geography) so that data scopes and routing rules, and every later feature, can name places.</summary>
public sealed class PlaceNames(IServiceScopeFactory scopes, GridLocator locator) : IDisposable
{
    private volatile Loaded? _loaded;
    private readonly SemaphoreSlim _loading = new(1, 1);

    private sealed record Loaded(GridLocator.Snapshot Geography, PlaceNameBook Book);

    public void Dispose() => _loading.Dispose();

    /// <summary>The names as they stand now (cheap after the first call).</summary>
    public async Task<PlaceNameBook> GetAsync(CancellationToken cancellationToken = default)
    {
        var geography = await locator.GetSnapshotAsync(cancellationToken);
        if (_loaded is { } current && ReferenceEquals(current.Geography, geography)) return current.Book;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_loaded is { } loaded && ReferenceEquals(loaded.Geography, geography)) return loaded.Book;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
            var units = await db.AdministrativeUnits.AsNoTracking().Where(u => u.Level != AdministrativeLevel.City)
                .Select(u => new PlaceNameBook.Unit(u.Code, u.Name, u.NameEn, u.Level)).ToListAsync(cancellationToken);
            var book = new PlaceNameBook(units);
            _loaded = new Loaded(geography, book);
            return book;
        }
        finally
        {
            _loading.Release();
        }
    }
}
