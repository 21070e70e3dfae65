using System.CommandLine;
using CivicGrid.Data;
using CivicGrid.Server.Platform.Cli;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Seeding;

/// <summary>`seed demo --scale small|city|megacity [--seed N]`: generates the Haikou-like demo city into an empty database.</summary>
public static class SeedVerb
{
    public static Command Create(VerbRunner run)
    {
        var scale = new Option<string>("--scale") { Description = "small (tests), city (≈ Haikou), megacity (≈ Shanghai).", DefaultValueFactory = _ => "small" };
        scale.AcceptOnlyFromAmong("small", "city", "megacity");
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same city.", DefaultValueFactory = _ => DemoCitySeeder.DefaultSeed };
        var demo = new Command("demo", "Generate the demo city (migrates first; the database must hold no city yet).") { scale, seed };
        demo.SetAction((parse, cancellationToken) => run(async (services, ct) =>
        {
            var db = services.GetRequiredService<CivicGridDbContext>();
            await db.Database.MigrateAsync(ct);
            if (await db.Cities.AnyAsync(ct))
            {
                await Console.Error.WriteLineAsync("The database already holds a city; seed demo only fills an empty database.");
                return 1;
            }
            var report = await services.GetRequiredService<DemoCitySeeder>().SeedAsync(
                DemoScales.Parse(parse.GetValue(scale)!), parse.GetValue(seed), DemoPassword.FromEnvironmentOrRandom(),
                new ConsoleProgress(), ct);
            Console.WriteLine($"Seeded {report.Grids:N0} unit grids, {report.Components:N0} components and {report.Cases:N0} cases.");
            Console.WriteLine($"Demo users: {string.Join(", ", report.UserNames)}; password: {report.Password}");
            return 0;
        }, cancellationToken));
        return new Command("seed", "Seed data.") { demo };
    }
}
