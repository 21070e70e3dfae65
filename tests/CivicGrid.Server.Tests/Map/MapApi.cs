using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Tests.Auth;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Map;

/// <summary>A real server over the small demo city with signed-in clients, for the map's viewport API.
/// <see cref="ExtraArgs"/> lets a subclass tighten the answer bounds.</summary>
public class MapApi<TDatabase> : IAsyncLifetime where TDatabase : TestDatabase, new()
{
    private readonly Dictionary<string, HttpClient> _clients = [];

    public TDatabase Database { get; } = new();
    public RunningServer Server { get; private set; } = null!;

    protected virtual string[] ExtraArgs => [];

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Server = await RunningServer.StartAsync(Database, configure: null, demo: true, [StaffAccounts.DemoPasswordArg, .. ExtraArgs]);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await Server.DisposeAsync();
        await Database.DisposeAsync();
    }

    public async Task<HttpClient> As(string userName)
    {
        if (_clients.TryGetValue(userName, out var existing)) return existing;
        var token = await Server.Client.SignInAsync(userName);
        var client = new HttpClient { BaseAddress = Server.Client.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _clients[userName] = client;
        return client;
    }

    /// <summary>GET as a user; asserts 200 and returns the JSON body.</summary>
    public async Task<JsonElement> GetAsync(string userName, string path)
    {
        var response = await (await As(userName)).GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

/// <summary>The map API over SQLite.</summary>
public sealed class MapApi : MapApi<SqliteTestDatabase>;

/// <summary>The map API over PostgreSQL.</summary>
public sealed class PostgresMapApi : MapApi<PostgresTestDatabase>;

/// <summary>Over SQLite with small bounds (50 areas, 3 cases per answer), to see the limits act on the small city.</summary>
public sealed class TightMapApi : MapApi<SqliteTestDatabase>
{
    protected override string[] ExtraArgs => ["--Map:MaxAreas=50", "--Map:MaxCases=3"];
}

/// <summary>Query-string pieces for the map API.</summary>
public static class Viewports
{
    public static string Bbox(double minLon, double minLat, double maxLon, double maxLat) =>
        string.Create(CultureInfo.InvariantCulture, $"{minLon},{minLat},{maxLon},{maxLat}");
}
