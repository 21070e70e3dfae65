using System.Net;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.Hosting;

/// <summary>The README's run command, as a real child process: serves, seeds the demo city, prints URL and logins;
/// and a bad setting stops it with a message naming the setting.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("civicgrid-run-").FullName;

    public void Dispose() => Directory.Delete(_dataFolder, recursive: true);

    private Dictionary<string, string?> Environment(string? password = "demo-Passw0rd") => new()
    {
        ["CIVICGRID_DATA"] = _dataFolder,
        ["CIVICGRID_DEMO_PASSWORD"] = password,
        ["ASPNETCORE_URLS"] = null,
    };

    [Fact]
    public async Task Run_OnAnEmptyDataFolder_SeedsTheDemoCity_PrintsUrlAndLogins_AndAnswersHealthz()
    {
        var port = ServerProcess.FreePort();
        await using var server = ServerProcess.Start(Environment(), "--urls", $"http://127.0.0.1:{port}");
        await server.WaitForOutputAsync("Demo password", ServerProcess.Patience);

        Assert.Contains($"http://127.0.0.1:{port}", server.Output);
        Assert.Contains("admin", server.Output);
        Assert.Contains("demo-Passw0rd", server.Output);
        Assert.True(File.Exists(Path.Combine(_dataFolder, "civicgrid.db")));
        using var client = new HttpClient();
        var health = await client.GetAsync($"http://127.0.0.1:{port}/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Run_WithoutAConfiguredPassword_PrintsAGeneratedOne()
    {
        var port = ServerProcess.FreePort();
        await using var server = ServerProcess.Start(Environment(password: null), "--urls", $"http://127.0.0.1:{port}");
        await server.WaitForOutputAsync("Demo password", ServerProcess.Patience);
        var line = server.Output.Split('\n').Single(l => l.Contains("Demo password", StringComparison.Ordinal));
        var password = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        Assert.Equal(14, password.Length);
    }

    [Fact]
    public async Task Run_WithPostgresButNoConnectionString_StopsNamingTheSetting()
    {
        var environment = Environment();
        environment["Database__Provider"] = "Postgres";
        var (exitCode, _, error) = await ServerProcess.RunAsync(environment, ServerProcess.Patience, "--urls", $"http://127.0.0.1:{ServerProcess.FreePort()}");
        Assert.Equal(2, exitCode);
        Assert.Contains("Database:ConnectionString", error);
    }

    [Fact]
    public async Task Run_WithAnUnknownProvider_StopsNamingTheSetting()
    {
        var environment = Environment();
        environment["Database__Provider"] = "Oracle";
        var (exitCode, _, error) = await ServerProcess.RunAsync(environment, ServerProcess.Patience, "--urls", $"http://127.0.0.1:{ServerProcess.FreePort()}");
        Assert.Equal(2, exitCode);
        Assert.Contains("Database:Provider", error);
    }

    [Fact]
    public async Task MigrateVerb_OnPostgres_AppliesTheMigrations()
    {
        var database = new PostgresTestDatabase();
        await database.InitializeAsync();
        try
        {
            var environment = Environment();
            environment["Database__Provider"] = "Postgres";
            environment["Database__ConnectionString"] = database.ConnectionString;
            var (exitCode, output, error) = await ServerProcess.RunAsync(environment, ServerProcess.Patience, "migrate");
            Assert.True(exitCode == 0, output + error);
            Assert.Contains("Applied", output);
            await using var db = database.CreateContext();
            Assert.Empty(db.Database.GetPendingMigrations());
        }
        finally
        {
            await database.DisposeAsync();
        }
    }
}
