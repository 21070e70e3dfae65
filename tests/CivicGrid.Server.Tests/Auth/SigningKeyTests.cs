using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Hosting;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Tests.Auth;

/// <summary>The signing key is made on first use and kept in the database, so instances share it; the Auth
/// settings are checked at start.</summary>
public sealed class SigningKeyTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task TokenFromOneInstance_IsAcceptedByAnotherInstanceOnTheSameDatabase()
    {
        await using var first = await RunningServer.StartAsync(_database, demo: true, StaffAccounts.DemoPasswordArg);
        await using var second = await RunningServer.StartAsync(_database, demo: false);

        var token = await first.Client.SignInAsync("admin");

        Assert.Equal(HttpStatusCode.OK, (await second.Client.GetWithTokenAsync("/api/v1/auth/me", token)).StatusCode);
        await using var db = _database.CreateContext();
        var key = Assert.Single(db.SigningKeys);
        Assert.Equal("HS256", key.Algorithm);
        Assert.Equal(64, key.KeyMaterial.Length);
    }

    [Fact]
    public async Task TokenFromAServerOnAnotherDatabase_IsRejected()
    {
        var otherDatabase = new SqliteTestDatabase();
        try
        {
            await using var other = await RunningServer.StartAsync(otherDatabase, demo: true, StaffAccounts.DemoPasswordArg);
            await using var server = await RunningServer.StartAsync(_database, demo: true, StaffAccounts.DemoPasswordArg);
            var foreignToken = await other.Client.SignInAsync("admin");

            Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.GetWithTokenAsync("/api/v1/auth/me", foreignToken)).StatusCode);
        }
        finally
        {
            await otherDatabase.DisposeAsync();
        }
    }

    [Fact]
    public async Task TokenLifetimeSetting_SetsExpiresIn()
    {
        await using var server = await RunningServer.StartAsync(_database, demo: true, StaffAccounts.DemoPasswordArg, "--Auth:TokenLifetime=01:30:00");

        var body = await (await server.Client.RequestTokenAsync("admin", StaffAccounts.Password)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(5400, body.GetProperty("expires_in").GetInt32());
    }

    [Fact]
    public async Task Start_WithATokenLifetimeOfZero_FailsNamingTheSetting()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(
            () => RunningServer.StartAsync(_database, demo: false, "--Auth:TokenLifetime=00:00:00"));

        Assert.Contains(failure.Failures, f => f.Contains("Auth:TokenLifetime", StringComparison.Ordinal));
    }
}
