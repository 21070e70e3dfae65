using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CivicGrid.Data;

/// <summary>Sets the pragmas every SQLite connection of CivicGrid runs with: write-ahead log (readers never block
/// the writer), foreign keys on, a busy timeout instead of an immediate SQLITE_BUSY, and the chosen synchronous
/// level (FULL by default: an acknowledged write survives a process crash and a power cut).</summary>
public sealed class SqlitePragmaInterceptor(string synchronous) : DbConnectionInterceptor
{
    private readonly string _pragmas =
        $"PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; PRAGMA synchronous={synchronous};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
