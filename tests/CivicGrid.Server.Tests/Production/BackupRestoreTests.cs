using System.Collections.Concurrent;
using System.Diagnostics;
using CivicGrid.Server.Tests.Auth;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Abstractions;

namespace CivicGrid.Server.Tests.Production;

/// <summary>SQLite: `backup` while the server serves and keeps creating cases, `restore` into a fresh data directory,
/// a server started on it finds every case acknowledged before the backup and the history chains verify; `restore`
/// refuses a database in use and a file that is not a CivicGrid database.</summary>
public sealed class SqliteBackupRestoreTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("civicgrid-backup-").FullName;
    private string LiveData => Path.Combine(_root, "live");
    private string RestoredData => Path.Combine(_root, "restored");
    private string BackupFile => Path.Combine(_root, "backups", "civicgrid-backup.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task BackupWhileServing_RestoredIntoAFreshDirectory_FindsEveryCase_AndTheHistoryVerifies()
    {
        List<Creation> before;
        await using (var live = await ServerInstance.StartAsync("live", Environment(LiveData)))
        {
            before = [.. Enumerable.Range(0, 30).Select(n => new Creation($"before-{n}"))];
            foreach (var creation in before) Assert.True(await creation.TrySendAsync(live.Client));

            // Writes go on during the backup.
            using var stop = new CancellationTokenSource();
            var during = new ConcurrentQueue<Creation>();
            var writer = Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var creation = new Creation($"during-{n}");
                    during.Enqueue(creation);
                    await creation.TrySendAsync(live.Client);
                }
            });
            await Task.Delay(200);
            var backup = await ServerProcess.RunAsync(Environment(LiveData), ServerProcess.Patience, "backup", BackupFile);
            await stop.CancelAsync();
            await writer;
            output.WriteLine(backup.Output.Trim() + $" ({during.Count} creations ran alongside)");
            Assert.True(backup.ExitCode == 0, backup.Output + backup.Error);
            Assert.True(File.Exists(BackupFile));
            Assert.False(File.Exists(BackupFile + ".partial"));

            var refused = await ServerProcess.RunAsync(Environment(LiveData), ServerProcess.Patience, "restore", BackupFile);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("running server", refused.Error, StringComparison.Ordinal);
        }

        var notCivicGrid = Path.Combine(_root, "not-a-backup.db");
        await File.WriteAllTextAsync(notCivicGrid, "just text");
        var bad = await ServerProcess.RunAsync(Environment(RestoredData), ServerProcess.Patience, "restore", notCivicGrid);
        Assert.Equal(3, bad.ExitCode);

        var restore = await ServerProcess.RunAsync(Environment(RestoredData), ServerProcess.Patience, "restore", BackupFile);
        Assert.True(restore.ExitCode == 0, restore.Output + restore.Error);
        output.WriteLine(restore.Output.Trim());

        await using (var restored = await ServerInstance.StartAsync("restored", Environment(RestoredData)))
        {
            foreach (var creation in before)
            {
                var read = await Creation.ReadAsync(restored.Client, creation.CaseId!.Value);
                Assert.Equal((creation.Number, creation.Description),
                    (read.GetProperty("number").GetString(), read.GetProperty("description").GetString()));
            }
            // The restored server goes on numbering after the restored cases.
            var next = new Creation("after-restore");
            Assert.True(await next.TrySendAsync(restored.Client));
            Assert.True(next.CaseId > before.Max(c => c.CaseId));
        }
        var audit = await ServerProcess.RunAsync(Environment(RestoredData), ServerProcess.Patience, "audit", "verify");
        Assert.True(audit.ExitCode == 0, audit.Output + audit.Error);
        output.WriteLine(audit.Output.Trim());
    }

    private static Dictionary<string, string?> Environment(string data) => new()
    {
        ["CIVICGRID_DATA"] = data,
        ["CIVICGRID_DEMO_PASSWORD"] = StaffAccounts.Password,
        ["ASPNETCORE_URLS"] = null,
        ["Database__Provider"] = "Sqlite",
        ["Demo__Scale"] = "small",
        ["Cases__DuplicateRadiusMetres"] = "0",
        ["Logging__LogLevel__Default"] = "Warning",
    };
}

/// <summary>PostgreSQL: the documented pg_dump / pg_restore procedure (docs/operations.md) restores a database a
/// server then serves with every case. Needs the PostgreSQL client tools (./test.sh installs the postgresql package).</summary>
public sealed class PostgresDumpRestoreTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>The client tools of the installed PostgreSQL (15 on Debian bookworm), the newest if several.</summary>
    private static readonly string Bin = Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "pg_dump"))).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault() ?? "/usr/lib/postgresql/15/bin"
        : "/usr/lib/postgresql/15/bin";
    private readonly PostgresTestDatabase _source = new();
    private readonly string _target = "civicgrid_restore_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _folder = Directory.CreateTempSubdirectory("civicgrid-pgdump-").FullName;

    public Task InitializeAsync() => _source.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _source.DisposeAsync();
        await ExecuteOnClusterAsync($"DROP DATABASE IF EXISTS {_target} WITH (FORCE)");
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task PgDumpAndPgRestore_GiveADatabaseWithEveryCase()
    {
        Assert.True(File.Exists(Path.Combine(Bin, "pg_dump")), $"pg_dump is not installed in {Bin}");
        List<Creation> made;
        await using (var server = await RunningServer.StartAsync(_source, demo: true, StaffAccounts.DemoPasswordArg))
        {
            server.Client.DefaultRequestHeaders.Authorization = new("Bearer", await server.Client.SignInAsync("operator"));
            made = [.. Enumerable.Range(0, 10).Select(n => new Creation($"dump-{n}"))];
            foreach (var creation in made) Assert.True(await creation.TrySendAsync(server.Client));
        }
        var dump = Path.Combine(_folder, "civicgrid.dump");
        var source = new NpgsqlConnectionStringBuilder(_source.ConnectionString);
        await RunAsync("pg_dump", $"--format=custom --no-owner --file={dump} --host={source.Host} --port={source.Port} --username={source.Username} {source.Database}");
        await ExecuteOnClusterAsync($"CREATE DATABASE {_target}");
        await RunAsync("pg_restore", $"--no-owner --exit-on-error --host={source.Host} --port={source.Port} --username={source.Username} --dbname={_target} {dump}");

        var restored = new NpgsqlConnectionStringBuilder(_source.ConnectionString) { Database = _target }.ConnectionString;
        await using var target = new RestoredDatabase(restored);
        await using (var db = _source.CreateContext())
        await using (var copy = target.CreateContext())
        {
            Assert.Equal(await db.Cases.CountAsync(), await copy.Cases.CountAsync());
            Assert.Equal(await db.CaseHistory.CountAsync(), await copy.CaseHistory.CountAsync());
        }
        await using var server2 = await RunningServer.StartAsync(target, demo: false, StaffAccounts.DemoPasswordArg);
        server2.Client.DefaultRequestHeaders.Authorization = new("Bearer", await server2.Client.SignInAsync("operator"));
        foreach (var creation in made)
        {
            var read = await Creation.ReadAsync(server2.Client, creation.CaseId!.Value);
            Assert.Equal(creation.Number, read.GetProperty("number").GetString());
        }
        var next = new Creation("after-restore"); // the identity sequences were restored too
        Assert.True(await next.TrySendAsync(server2.Client));
    }

    private async Task RunAsync(string tool, string arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(Bin, tool), arguments) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        output.WriteLine($"{tool}: exit {process.ExitCode}");
        Assert.True(process.ExitCode == 0, $"{tool} failed: {await error}");
    }

    private static async Task ExecuteOnClusterAsync(string sql)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresTestDatabase.ClusterConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The restored database, dropped by the test class (not by this wrapper).</summary>
    private sealed class RestoredDatabase(string connectionString) : TestDatabase, IAsyncDisposable
    {
        public override CivicGrid.Data.DatabaseProvider Provider => CivicGrid.Data.DatabaseProvider.Postgres;
        public override string ConnectionString => connectionString;
        public override Task InitializeAsync() => Task.CompletedTask;
        public override Task DisposeAsync() => Task.CompletedTask;
        ValueTask IAsyncDisposable.DisposeAsync() => ValueTask.CompletedTask;
    }
}
