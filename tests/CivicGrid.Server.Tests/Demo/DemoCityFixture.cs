using CivicGrid.Data;
using CivicGrid.Domain.Geography;
using CivicGrid.Server.Features.Geography;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.Demo;

/// <summary>One real server per test class that starts on an empty database and seeds the small demo city, as
/// `CivicGrid.Server` does on first start. Tests read what it wrote; none of them writes.</summary>
public sealed class DemoCityFixture<TDatabase> : IAsyncLifetime where TDatabase : TestDatabase, new()
{
    private readonly TDatabase _database = new();
    private RunningServer? _server;

    public RunningServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    public CivicGridDbContext CreateContext() => _database.CreateContext();

    public GridLocator Locator => Server.Services.GetRequiredService<GridLocator>();

    public async Task<List<UnitGrid>> GridsAsync()
    {
        await using var db = CreateContext();
        return await db.UnitGrids.AsNoTracking().OrderBy(g => g.Code).ToListAsync();
    }

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _server = await RunningServer.StartAsync(_database, demo: true);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        await _database.DisposeAsync();
    }
}
