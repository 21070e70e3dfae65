using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CivicGrid.Data;

/// <summary>Sets the pragmas every SQLite connection of CivicGrid runs with: write-ahead log (readers never block
/// the writer), foreign keys on, a busy timeout instead of an immediate SQLITE_BUSY, and the chosen synchronous
/// level (FULL by default: an acknowledged write survives a process crash and a power cut). Pooled connections are
/// opened many times; the pragmas run once per physical connection.</summary>
public sealed class SqlitePragmaInterceptor(string synchronous) : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<object, object> Configured = [];

    private readonly string _pragmas =
        $"PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; PRAGMA synchronous={synchronous};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstOpen(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!FirstOpen(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>True the first time this physical connection (its native handle) is seen.</summary>
    private static bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Configured.TryAdd(handle, handle);
}
