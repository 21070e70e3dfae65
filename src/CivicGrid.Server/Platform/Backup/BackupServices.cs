using CivicGrid.Data;
using CivicGrid.Server.Platform.Runtime;

namespace CivicGrid.Server.Platform.Backup;

public static class BackupServices
{
    /// <summary>The server marks its SQLite database as in use (see <see cref="DatabaseInUseLock"/>).</summary>
    public static IServiceCollection AddSqliteInUseMarker(this IServiceCollection services)
    {
        services.AddHostedService<SqliteInUseMarker>();
        return services;
    }

    /// <summary>The SQLite connection string the server uses: the configured one, or the data directory's file.</summary>
    public static string SqliteConnectionString(DatabaseOptions options, DataDirectory data) =>
        string.IsNullOrWhiteSpace(options.ConnectionString) ? data.SqliteConnectionString : options.ConnectionString;
}
