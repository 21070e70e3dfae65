using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CivicGrid.Server.Tests.Infrastructure;

/// <summary>A real, empty database for one test class: a fresh SQLite file, or a fresh database on the throwaway
/// PostgreSQL cluster that ./test.sh starts (its connection string in CIVICGRID_TEST_POSTGRES).</summary>
public abstract class TestDatabase : IAsyncLifetime
{
    public abstract DatabaseProvider Provider { get; }
    public abstract string ConnectionString { get; }

    public DatabaseOptions Options => new() { Provider = Provider, ConnectionString = ConnectionString };

    public CivicGridDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<CivicGridDbContext>();
        builder.UseCivicGridDatabase(Options, ConnectionString);
        return new CivicGridDbContext(builder.Options);
    }

    /// <summary>Configuration arguments that point a server at this database.</summary>
    public string[] ServerArgs =>
    [
        $"--Database:Provider={Provider}",
        $"--Database:ConnectionString={ConnectionString}",
        "--Database:MigrateOnStart=true",
    ];

    public abstract Task InitializeAsync();
    public abstract Task DisposeAsync();
}

public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("civicgrid-test-").FullName;

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    public string FilePath => Path.Combine(_folder, "civicgrid.db");
    public override string ConnectionString => $"Data Source={FilePath}";

    public override Task InitializeAsync() => Task.CompletedTask;

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string _name = "civicgrid_test_" + Guid.NewGuid().ToString("N")[..12];
    private string? _connectionString;

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
    public override string ConnectionString => _connectionString ?? throw new InvalidOperationException("Not initialised.");

    public static string ClusterConnectionString =>
        Environment.GetEnvironmentVariable("CIVICGRID_TEST_POSTGRES")
        ?? throw new InvalidOperationException(
            "CIVICGRID_TEST_POSTGRES is not set: run the suite with ./test.sh, which starts a throwaway PostgreSQL cluster.");

    public override async Task InitializeAsync()
    {
        await using var connection = new NpgsqlConnection(ClusterConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {_name}", connection);
        await command.ExecuteNonQueryAsync();
        _connectionString = new NpgsqlConnectionStringBuilder(ClusterConnectionString) { Database = _name }.ConnectionString;
    }

    public override async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ClusterConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
