using CivicGrid.Data;
using CivicGrid.Server.Features.Geography;
using CivicGrid.Server.Seeding;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CivicGrid.Server.Tests.Demo;

/// <summary>Runs the demo seeder with a chosen seed and password against a real, freshly migrated database,
/// wired as in the server (scoped seeder, singleton locator, a fake clock).</summary>
internal static class DemoCitySeeding
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);

    public static async Task<DemoCityReport> SeedAsync(TestDatabase database, int seed, string password, DemoScale scale = DemoScale.Small)
    {
        var services = new ServiceCollection()
            .AddDbContext<CivicGridDbContext>(builder => builder.UseCivicGridDatabase(database.Options, database.ConnectionString))
            .AddSingleton<TimeProvider>(new FakeTimeProvider(Now))
            .AddSingleton<GridLocator>()
            .AddScoped<DemoCitySeeder>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        await db.Database.MigrateAsync();
        return await scope.ServiceProvider.GetRequiredService<DemoCitySeeder>().SeedAsync(scale, seed, password, null, CancellationToken.None);
    }
}
