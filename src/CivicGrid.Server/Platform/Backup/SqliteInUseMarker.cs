using CivicGrid.Data;
using CivicGrid.Server.Platform.Runtime;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Platform.Backup;

/// <summary>Holds <see cref="DatabaseInUseLock"/> while the server runs on SQLite. A second server on the same file
/// still starts (SQLite handles it), but `restore` will not overwrite the file under it.</summary>
public sealed partial class SqliteInUseMarker(IOptions<DatabaseOptions> database, DataDirectory data, ILogger<SqliteInUseMarker> logger)
    : IHostedService, IDisposable
{
    private DatabaseInUseLock? _lock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (database.Value.Provider != DatabaseProvider.Sqlite) return Task.CompletedTask;
        var file = SqliteBackup.DatabaseFile(BackupServices.SqliteConnectionString(database.Value, data));
        _lock = DatabaseInUseLock.TryTake(file);
        if (_lock is null) LogShared(logger, file);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Another process already marks {File} as in use")]
    private static partial void LogShared(ILogger logger, string file);
}
