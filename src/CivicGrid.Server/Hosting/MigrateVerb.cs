using System.CommandLine;
using CivicGrid.Data;
using CivicGrid.Server.Platform.Cli;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Hosting;

/// <summary>`migrate`: applies pending migrations of the configured provider (the way to upgrade PostgreSQL).</summary>
public static class MigrateVerb
{
    public static Command Create(VerbRunner run)
    {
        var command = new Command("migrate", "Apply pending database migrations for the configured provider.");
        command.SetAction((_, cancellationToken) => run(async (services, ct) =>
        {
            var db = services.GetRequiredService<CivicGridDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            await db.Database.MigrateAsync(ct);
            Console.WriteLine(pending.Count == 0
                ? $"The {db.Database.ProviderName} database is up to date."
                : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
            return 0;
        }, cancellationToken));
        return command;
    }
}
