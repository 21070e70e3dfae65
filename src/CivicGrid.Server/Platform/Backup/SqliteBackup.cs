using Microsoft.Data.Sqlite;

namespace CivicGrid.Server.Platform.Backup;

/// <summary>Online backup and restore of the SQLite database through SQLite's backup API: the copy is one consistent
/// snapshot (one read transaction over every page), taken while the server keeps serving and writing. PostgreSQL
/// is backed up with pg_dump/pg_restore instead (docs/operations.md).</summary>
public static class SqliteBackup
{
    /// <summary>What a backup or a restore copied.</summary>
    public sealed record Summary(long Cases, long HistoryEntries, long Bytes);

    /// <summary>Copies the live database at <paramref name="sourceConnectionString"/> to <paramref name="file"/>
    /// (written beside it under a temporary name and renamed when complete, so a half-written backup never carries
    /// the final name), then checks the copy.</summary>
    public static async Task<Summary> BackupAsync(string sourceConnectionString, string file, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);
        await using (var source = new SqliteConnection(sourceConnectionString))
        await using (var copy = new SqliteConnection(Plain(partial, SqliteOpenMode.ReadWriteCreate)))
        {
            await source.OpenAsync(cancellationToken);
            await copy.OpenAsync(cancellationToken);
            source.BackupDatabase(copy);
            await ExecuteAsync(copy, "PRAGMA journal_mode=DELETE", cancellationToken); // a single self-contained file
        }
        var summary = await CheckAsync(partial, cancellationToken);
        File.Move(partial, target, overwrite: true);
        return summary with { Bytes = new FileInfo(target).Length };
    }

    /// <summary>Checks that <paramref name="file"/> is an intact CivicGrid database; throws
    /// <see cref="BackupFileException"/> naming the problem.</summary>
    public static async Task<Summary> CheckAsync(string file, CancellationToken cancellationToken)
    {
        if (!File.Exists(file)) throw new BackupFileException($"{file} does not exist.");
        try
        {
            await using var connection = new SqliteConnection(Plain(file, SqliteOpenMode.ReadOnly));
            await connection.OpenAsync(cancellationToken);
            var integrity = await ScalarAsync(connection, "PRAGMA quick_check", cancellationToken);
            if (!string.Equals(integrity as string, "ok", StringComparison.Ordinal))
                throw new BackupFileException($"{file} is damaged: {integrity}.");
            foreach (var table in new[] { "__EFMigrationsHistory", "Cities", "Cases", "CaseHistory" })
            {
                var found = await ScalarAsync(connection, $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'", cancellationToken);
                if (Convert.ToInt64(found, System.Globalization.CultureInfo.InvariantCulture) == 0)
                    throw new BackupFileException($"{file} is not a CivicGrid database (it has no {table} table).");
            }
            var cases = Convert.ToInt64(await ScalarAsync(connection, "SELECT count(*) FROM Cases", cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            var history = Convert.ToInt64(await ScalarAsync(connection, "SELECT count(*) FROM CaseHistory", cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            return new Summary(cases, history, new FileInfo(file).Length);
        }
        catch (SqliteException exception)
        {
            throw new BackupFileException($"{file} is not a readable SQLite database ({exception.SqliteErrorCode}: {exception.Message}).");
        }
    }

    /// <summary>Replaces the database at <paramref name="targetConnectionString"/> with the backup's content, page by
    /// page through the backup API (its WAL is reset properly, unlike a file copy).</summary>
    public static async Task<Summary> RestoreAsync(string file, string targetConnectionString, CancellationToken cancellationToken)
    {
        var summary = await CheckAsync(file, cancellationToken);
        var target = new SqliteConnectionStringBuilder(targetConnectionString) { Pooling = false };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target.DataSource))!);
        await using (var backup = new SqliteConnection(Plain(file, SqliteOpenMode.ReadOnly)))
        await using (var database = new SqliteConnection(target.ConnectionString))
        {
            await backup.OpenAsync(cancellationToken);
            await database.OpenAsync(cancellationToken);
            backup.BackupDatabase(database);
            await ExecuteAsync(database, "PRAGMA journal_mode=WAL", cancellationToken);
        }
        return summary;
    }

    /// <summary>The database file a SQLite connection string names.</summary>
    public static string DatabaseFile(string connectionString) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    private static string Plain(string file, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ConnectionString;

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>A backup file that cannot be used, with a message naming the file and the problem.</summary>
public sealed class BackupFileException(string message) : Exception(message);
