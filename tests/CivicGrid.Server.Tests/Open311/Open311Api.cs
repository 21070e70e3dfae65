using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using CivicGrid.Server.Seeding;
using CivicGrid.Server.Tests.Auth;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Open311;

/// <summary>A real server over the small demo city with an Open311 API key, limits high enough not to interfere,
/// and helpers to post forms and read both formats.</summary>
public class Open311Api<TDatabase> : IAsyncLifetime where TDatabase : TestDatabase, new()
{
    private readonly Dictionary<string, HttpClient> _staff = [];

    public TDatabase Database { get; } = new();
    public RunningServer Server { get; private set; } = null!;
    public HttpClient Client => Server.Client;
    /// <summary>The secret of a live key created through the admin API.</summary>
    public string ApiKey { get; private set; } = "";

    protected virtual string[] Limits => ["--Open311:SubmissionsPerKeyPerMinute=1000000", "--Open311:SubmissionsPerIpPerMinute=1000000"];

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Server = await RunningServer.StartAsync(Database, configure: null, demo: true, [StaffAccounts.DemoPasswordArg, .. Limits]);
        ApiKey = await CreateKeyAsync("Test client");
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _staff.Values) client.Dispose();
        await Server.DisposeAsync();
        await Database.DisposeAsync();
    }

    public async Task<HttpClient> As(string userName)
    {
        if (_staff.TryGetValue(userName, out var existing)) return existing;
        var token = await Server.Client.SignInAsync(userName);
        var client = new HttpClient { BaseAddress = Server.Client.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _staff[userName] = client;
        return client;
    }

    public async Task<string> CreateKeyAsync(string name)
    {
        var response = await (await As("admin")).PostAsJsonAsync("/api/v1/api-keys", new { name, contact = "dev@example.com" });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
    }

    /// <summary>POSTs a form to requests.{format}; the api_key is added unless the fields already say (null = leave out).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(IEnumerable<KeyValuePair<string, string>> fields, string format = "json",
        string? idempotencyKey = null, string? acceptLanguage = null)
    {
        var list = fields.ToList();
        if (!list.Any(f => f.Key == "api_key")) list.Add(new("api_key", ApiKey));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/open311/v2/requests.{format}") { Content = new FormUrlEncodedContent(list) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (acceptLanguage is not null) request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        return await Client.SendAsync(request);
    }

    /// <summary>Submits and returns the one element of the answer.</summary>
    public async Task<JsonElement> SubmitOkAsync(IEnumerable<KeyValuePair<string, string>> fields, string? idempotencyKey = null)
    {
        var response = await SubmitAsync(fields, "json", idempotencyKey);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return Assert.Single(JsonDocument.Parse(body).RootElement.EnumerateArray().ToList());
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {body}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task<XElement> GetXmlAsync(string path)
    {
        var response = await Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {body}");
        Assert.StartsWith("text/xml", response.Content.Headers.ContentType?.ToString());
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", body);
        return XDocument.Parse(body).Root!;
    }
}

public sealed class Open311Api : Open311Api<SqliteTestDatabase>;

public sealed class PostgresOpen311Api : Open311Api<PostgresTestDatabase>;

/// <summary>Open311 form bodies.</summary>
public static class Forms
{
    /// <summary>A report at the demo city's centre latitude (type 06010 暴露垃圾 by default), at <paramref name="lon"/>.</summary>
    public static List<KeyValuePair<string, string>> Report(string serviceCode = "M06010", double? lon = null,
        string description = "人行道上堆放暴露垃圾", params (string Key, string Value)[] more)
    {
        var fields = ReportAt(DemoCity.CentrePoint.Latitude, lon ?? DemoCity.CentrePoint.Longitude, serviceCode, description);
        fields.AddRange(more.Select(m => new KeyValuePair<string, string>(m.Key, m.Value)));
        return fields;
    }

    public static List<KeyValuePair<string, string>> ReportAt(double lat, double lon, string serviceCode = "M06010", string description = "人行道上堆放暴露垃圾") =>
    [
        new("service_code", serviceCode),
        new("lat", lat.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("long", lon.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("description", description),
    ];
}
