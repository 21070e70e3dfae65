using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Server.Features.Cases;
using CivicGrid.Server.Seeding;
using CivicGrid.Server.Tests.Attachments;
using CivicGrid.Server.Tests.Auth;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.PublicService;

/// <summary>A real server over the small demo city with generous public rate limits, the background notification
/// sender off (tests run the outbox sender themselves), and a step observer that breaks the "register" step of any
/// case whose description contains <see cref="FailingStepMarker"/>. Anonymous and signed-in clients.</summary>
public class PublicServiceApi<TDatabase> : IAsyncLifetime where TDatabase : TestDatabase, new()
{
    public const string FailingStepMarker = "FAILSTEP";

    private readonly Dictionary<string, HttpClient> _clients = [];

    public TDatabase Database { get; } = new();
    public RunningServer Server { get; private set; } = null!;
    public HttpClient Public => Server.Client;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Server = await RunningServer.StartAsync(Database,
            builder => builder.Services.AddScoped<ICaseStepObserver, FailingRegisterObserver>(), demo: true,
            StaffAccounts.DemoPasswordArg,
            "--PublicService:ReportsPerIpPerMinute=100000", "--PublicService:UploadsPerIpPerMinute=100000",
            "--Notifications:SendInBackground=false");
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

    public async Task<JsonElement> DoAsync(string user, long caseId, object step)
    {
        var response = await (await As(user)).PostAsJsonAsync($"/api/v1/cases/{caseId}/transitions", step);
        Assert.True(response.IsSuccessStatusCode, $"{user} {JsonSerializer.Serialize(step)}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("case");
    }

    /// <summary>Uploads a phone photo (with GPS in its EXIF) through the public API; its upload id.</summary>
    public async Task<string> UploadPhotoAsync()
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(TestImages.JpegWithGps()), "file", "IMG_0001.jpg" } };
        var response = await Public.PostAsync("/api/public/photos", form);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("uploadId").GetString()!;
    }

    public async Task<HttpResponseMessage> ReportAsync(object report, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/public/reports") { Content = JsonContent.Create(report) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await Public.SendAsync(request);
    }

    /// <summary>Reports and returns the receipt (number, trackingToken …).</summary>
    public async Task<JsonElement> ReportOkAsync(object report, string? idempotencyKey = null)
    {
        var response = await ReportAsync(report, idempotencyKey);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> TrackAsync(string token) =>
        await Public.GetFromJsonAsync<JsonElement>($"/api/public/track/{token}");

    public async Task<long> CaseIdAsync(string number)
    {
        await using var db = Database.CreateContext();
        return db.Cases.Single(c => c.Number == number).Id;
    }

    public CivicGridDbContext Db() => Database.CreateContext();

    private sealed class FailingRegisterObserver : ICaseStepObserver
    {
        public ValueTask OnStepAsync(CivicGridDbContext db, Case @case, CaseHistoryEntry entry, CancellationToken cancellationToken) =>
            entry.Action == "register" && @case.Description.Contains(FailingStepMarker, StringComparison.Ordinal)
                ? throw new InvalidOperationException("The test observer breaks this step.")
                : ValueTask.CompletedTask;
    }
}

public sealed class SqlitePublicServiceApi : PublicServiceApi<SqliteTestDatabase>;

public sealed class PostgresPublicServiceApi : PublicServiceApi<PostgresTestDatabase>;

/// <summary>Public report bodies; each test uses its own spot (≥ 70 m apart) so that reports are not linked as duplicates.</summary>
public static class CitizenReports
{
    public static object At(int spot, string type = "06010", string description = "路边堆放垃圾无人清理", object? contact = null,
        bool anonymous = false, IEnumerable<string>? photos = null, double? lon = null, double? lat = null) => new
    {
        longitude = lon ?? DemoCity.CentrePoint.Longitude + 0.0008 * spot,
        latitude = lat ?? DemoCity.CentrePoint.Latitude + 0.0007 * (spot % 3),
        kind = "matter", typeCode = type, description, contact, anonymous, photos = photos?.ToArray(),
    };

    public static object Contact => new { name = "张女士", phone = "13912345678", email = "zhang@example.cn" };
}
