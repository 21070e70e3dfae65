using System.CommandLine;
using CivicGrid.Data;
using CivicGrid.Server.Platform.Cli;
using CivicGrid.Server.Platform.Runtime;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Platform.Backup;

/// <summary>`backup FILE` and `restore FILE [--force]` for SQLite (PostgreSQL: pg_dump/pg_restore, docs/operations.md).
/// Exit codes: 0 done; 1 refused (database in use, not SQLite); 3 unusable backup file.</summary>
public static class BackupVerb
{
    public static Command CreateBackup(VerbRunner run)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Where to write the backup (one SQLite file)." };
        var command = new Command("backup", "Copy the SQLite database to FILE while the server keeps running (a consistent snapshot).") { file };
        command.SetAction((parse, cancellationToken) => run(async (services, ct) =>
        {
            if (SqliteOnly(services) is not { } connectionString) return 1;
            var target = parse.GetValue(file)!.FullName;
            var summary = await SqliteBackup.BackupAsync(connectionString, target, ct);
            Console.WriteLine($"Backed up {summary.Cases:N0} cases ({summary.HistoryEntries:N0} history entries, {summary.Bytes / 1024.0 / 1024:F1} MB) to {target}.");
            return 0;
        }, cancellationToken));
        return command;
    }

    public static Command CreateRestore(VerbRunner run)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A backup written by the backup verb." };
        var force = new Option<bool>("--force") { Description = "Overwrite the database even while a server uses it (stop the servers first instead)." };
        var command = new Command("restore", "Replace the SQLite database with a backup. Refuses while a server uses the database.") { file, force };
        command.SetAction((parse, cancellationToken) => run(async (services, ct) =>
        {
            if (SqliteOnly(services) is not { } connectionString) return 1;
            var source = parse.GetValue(file)!.FullName;
            var databaseFile = SqliteBackup.DatabaseFile(connectionString);
            using var inUse = DatabaseInUseLock.TryTake(databaseFile);
            if (inUse is null && !parse.GetValue(force))
            {
                await Console.Error.WriteLineAsync($"Not restored: a running server uses {databaseFile}. Stop it first (or use --force).");
                return 1;
            }
            try
            {
                var summary = await SqliteBackup.RestoreAsync(source, connectionString, ct);
                Console.WriteLine($"Restored {summary.Cases:N0} cases ({summary.HistoryEntries:N0} history entries) into {databaseFile}. Run `audit verify` to check the history.");
                return 0;
            }
            catch (BackupFileException exception)
            {
                await Console.Error.WriteLineAsync("Not restored: " + exception.Message);
                return 3;
            }
        }, cancellationToken));
        return command;
    }

    private static string? SqliteOnly(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.Provider == DatabaseProvider.Sqlite)
            return BackupServices.SqliteConnectionString(options, services.GetRequiredService<DataDirectory>());
        Console.Error.WriteLine("backup and restore work on SQLite; for PostgreSQL use pg_dump and pg_restore (docs/operations.md).");
        return null;
    }
}
