using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Hosting;

/// <summary>The bare host without the demo city. The tests only read, so the class shares one server.</summary>
public sealed partial class HostBasicsTests(EmptySqliteCity city) : IClassFixture<EmptySqliteCity>
{
    [Fact]
    public async Task Healthz_WhenTheDatabaseAnswers_Returns200()
    {
        var response = await city.Anonymous.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheLocateEndpoint()
    {
        using var document = JsonDocument.Parse(await city.Anonymous.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/grids/locate", out var locate));
        var parameters = locate.GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString());
        Assert.Equal(["lat", "lon", "crs"], parameters);
    }

    [Fact]
    public async Task ApiReferencePage_IsServed()
    {
        var response = await city.Anonymous.GetAsync("/api/docs/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"url\":\"openapi/v1.json\"", await response.Content.ReadAsStringAsync());
        var script = await city.Anonymous.GetAsync("/api/docs/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task UnknownRoute_ForAnAnonymousCaller_AnswersProblemDetails401_RevealingNothing()
    {
        // Secure by default: only endpoints marked public answer anonymous callers, so an unknown path looks like any
        // staff path (signed-in callers get 404 for it).
        var response = await city.Anonymous.GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task PublicEndpoints_AnswerWithoutAToken_AndStaffEndpointsAsk401()
    {
        Assert.Equal(HttpStatusCode.OK, (await city.Anonymous.GetAsync("/api/v1/catalogue/classes")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await city.Anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await city.Anonymous.GetAsync("/api/v1/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await city.Anonymous.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task StandardCatalogue_IsLoadedEvenWithoutTheDemoCity()
    {
        await using var db = city.Db();
        Assert.True(db.CatalogueTypes.Count() >= 100);
        Assert.Contains(db.CatalogueTypes, t => t.Code == "01003" && t.Name == "雨水井盖");
        Assert.Empty(db.Cities);
    }
}
