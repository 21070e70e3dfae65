using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Seeding;
using CivicGrid.Server.Tests.Auth;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.Cases;

/// <summary>A real server over the small demo city and signed-in HTTP clients for its users (intent methods for
/// the case API).</summary>
public class CaseApi<TDatabase> : IAsyncLifetime where TDatabase : TestDatabase, new()
{
    private readonly Dictionary<string, HttpClient> _clients = [];

    public TDatabase Database { get; } = new();
    public RunningServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Server = await RunningServer.StartAsync(Database, configure: null, demo: true, StaffAccounts.DemoPasswordArg);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await Server.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>An HTTP client signed in as a demo user.</summary>
    public async Task<HttpClient> As(string userName)
    {
        if (_clients.TryGetValue(userName, out var existing)) return existing;
        var token = await Server.Client.SignInAsync(userName);
        var client = new HttpClient { BaseAddress = Server.Client.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _clients[userName] = client;
        return client;
    }

    /// <summary>Signs everyone in again on their next call (after moving the clock past the tokens' lifetime).</summary>
    public void ForgetTokens()
    {
        foreach (var client in _clients.Values) client.Dispose();
        _clients.Clear();
    }

    public async Task<JsonElement> CreateAsync(string user, object report, string? idempotencyKey = null)
    {
        var response = await PostCaseAsync(user, report, idempotencyKey);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("case");
    }

    public async Task<HttpResponseMessage> PostCaseAsync(string user, object report, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = JsonContent.Create(report) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await (await As(user)).SendAsync(request);
    }

    public async Task<HttpResponseMessage> StepAsync(string user, long caseId, object step) =>
        await (await As(user)).PostAsJsonAsync($"/api/v1/cases/{caseId}/transitions", step);

    public async Task<JsonElement> DoAsync(string user, long caseId, object step)
    {
        var response = await StepAsync(user, caseId, step);
        Assert.True(response.IsSuccessStatusCode, $"{user} {JsonSerializer.Serialize(step)}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("case");
    }

    /// <summary>A point inside a unit grid of another district than the centre's (秀英区 460105).</summary>
    public async Task<(double Lon, double Lat)> PointInXiuyingAsync()
    {
        await using var db = Database.CreateContext();
        var grid = await db.UnitGrids.AsNoTracking().Where(g => g.DistrictCode == "460105").OrderBy(g => g.Code).FirstAsync();
        var point = grid.Boundary.InteriorPoint;
        return (point.X, point.Y);
    }
}

/// <summary>The case API over SQLite (most tests).</summary>
public sealed class CaseApi : CaseApi<SqliteTestDatabase>;

/// <summary>The case API over PostgreSQL.</summary>
public sealed class PostgresCaseApi : CaseApi<PostgresTestDatabase>;

/// <summary>Report bodies for the case API.</summary>
public static class Reports
{
    /// <summary>A report at the demo city's centre (the demo inspector's patrol area, 龙华区) unless a position is given.</summary>
    public static object At(string type = "06010", double? lon = null, double? lat = null, string description = "人行道上堆放暴露垃圾", string? channel = null) => new
    {
        channel, description, kind = "matter", typeCode = type,
        longitude = lon ?? DemoCity.CentrePoint.Longitude, latitude = lat ?? DemoCity.CentrePoint.Latitude,
        reporterName = "市民李先生", reporterPhone = "13800138000",
    };
}
