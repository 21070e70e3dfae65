using CivicGrid.Data;
using CivicGrid.Server.Features.Catalogue;
using CivicGrid.Server.Features.PublicService;
using CivicGrid.Server.Interchange;
using CivicGrid.Server.Platform.Attachments;
using CivicGrid.Server.Platform.Runtime;
using CivicGrid.Server.Platform.Web;
using CivicGrid.Server.Seeding;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Hosting;

/// <summary>Before the server listens: migrate (SQLite by default, PostgreSQL when configured) and seed the demo
/// city into an empty database unless --no-demo; refuse to start when the citizen problems name types the catalogue
/// does not offer. After it listens: print the URL and the demo logins.</summary>
public sealed partial class StartupTasks(
    IServiceScopeFactory scopes, IOptions<DatabaseOptions> database, StartupFlags flags, IConfiguration configuration,
    IServer server, ILogger<StartupTasks> logger) : IHostedLifecycleService
{
    private DemoCityReport? _seeded;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        if (database.Value.ShouldMigrateOnStart)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        else if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            LogPendingMigrations(logger);
        }

        await StandardCatalogueSeeder.EnsureAsync(db, cancellationToken);
        await CitizenProblemsCheck.EnsureValidAsync(scope.ServiceProvider, cancellationToken);
        if (flags.NoDemo || await db.Cities.AnyAsync(cancellationToken)) return;
        var scale = DemoScales.Parse(configuration["Demo:Scale"] ?? "small");
        var seeder = scope.ServiceProvider.GetRequiredService<DemoCitySeeder>();
        _seeded = await seeder.SeedAsync(scale, DemoCitySeeder.DefaultSeed, DemoPassword.From(configuration), progress: null, cancellationToken);
    }

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        var users = await db.StaffUsers.AsNoTracking().OrderBy(u => u.Id).Take(20)
            .Select(u => new { u.UserName, u.DisplayName }).ToListAsync(cancellationToken);

        var banner = new System.Text.StringBuilder();
        banner.AppendLine().AppendLine("CivicGrid is running.");
        foreach (var address in addresses) banner.AppendLine($"  URL:  {address}");
        banner.AppendLine($"  API reference: {addresses.FirstOrDefault()}/api/docs   health: {addresses.FirstOrDefault()}/healthz");
        if (users.Count > 0)
        {
            banner.AppendLine("  Demo logins:");
            foreach (var user in users) banner.AppendLine($"    {user.UserName,-22} {user.DisplayName}");
            banner.AppendLine(_seeded is { } seeded
                ? $"  Demo password (all users): {seeded.Password}"
                : "  Demo password: the one printed when the demo city was seeded (or Demo:Password / CIVICGRID_DEMO_PASSWORD then).");
        }
        Console.WriteLine(banner.ToString());
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "The database has pending migrations; run the migrate verb (CivicGrid.Server migrate).")]
    private static partial void LogPendingMigrations(ILogger logger);
}
