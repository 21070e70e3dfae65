namespace CivicGrid.Server.Platform.Backup;

/// <summary>An exclusive OS lock on "DATABASE.inuse" beside a SQLite database, held by a running server for its whole
/// life: `restore` takes it first, so it refuses to overwrite a database a server is using, and no server starts
/// on a database being restored. The OS drops the lock when the process dies, even on SIGKILL.</summary>
public sealed class DatabaseInUseLock : IDisposable
{
    private readonly FileStream _stream;

    private DatabaseInUseLock(FileStream stream) => _stream = stream;

    public static string PathFor(string databaseFile) => databaseFile + ".inuse";

    /// <summary>Takes the lock; null when another process holds it.</summary>
    public static DatabaseInUseLock? TryTake(string databaseFile)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(databaseFile)!);
            return new DatabaseInUseLock(new FileStream(PathFor(databaseFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
