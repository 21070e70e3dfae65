using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Seeding;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Map;

/// <summary>GET /api/public/basemap over the small demo city: the city drawn from its own model, by viewport and zoom,
/// for anyone (the citizen pages use it) and cacheable.</summary>
public sealed class BasemapTests(SqliteCity city) : IClassFixture<SqliteCity>
{
    private static readonly string[] LineTypes = ["LineString", "MultiLineString"];
    private static readonly string CentreBox = Viewports.Bbox(
        DemoCity.CentrePoint.Longitude - 0.01, DemoCity.CentrePoint.Latitude - 0.01, DemoCity.CentrePoint.Longitude + 0.01, DemoCity.CentrePoint.Latitude + 0.01);

    [Fact]
    public async Task TheBasemapOfTheOldTownAtStreetLevel_HasNamedRoadsOfEveryRank_CommunityBoundaries_AndLabels()
    {
        using var response = await city.Anonymous.GetAsync($"/api/public/basemap?bbox={CentreBox}&zoom=15");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("public", response.Headers.CacheControl?.ToString());
        var features = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("features").EnumerateArray().ToList();
        var roads = features.Where(f => Kind(f) == "road").ToList();
        Assert.Contains(roads, r => r.GetProperty("properties").GetProperty("name").GetString() == "龙昆南路");
        Assert.Contains(roads, r => r.GetProperty("properties").GetProperty("rank").GetInt32() == 3);
        Assert.All(roads, r => Assert.Contains(r.GetProperty("geometry").GetProperty("type").GetString(), LineTypes));
        Assert.Contains(features, f => f.GetProperty("properties").TryGetProperty("level", out var level) && level.GetString() == "community");
        var labels = features.Where(f => Kind(f) == "label").Select(f => f.GetProperty("properties")).ToList();
        Assert.Contains(labels, l => l.GetProperty("for").GetString() == "road" && l.GetProperty("name").GetString() == "龙昆南路");
        Assert.Contains(labels, l => l.GetProperty("for").GetString() == "community");
    }

    [Fact]
    public async Task TheWholeCityAtALowZoom_ShowsTheSea_DistrictLabels_AndOnlyTrunkRoads()
    {
        var body = await city.Anonymous.GetFromJsonAsync<JsonElement>($"/api/public/basemap?bbox={Viewports.Bbox(110.0, 19.5, 110.8, 20.3)}&zoom=10");

        var features = body.GetProperty("features").EnumerateArray().ToList();
        Assert.Contains(features, f => Kind(f) == "water" && f.GetProperty("properties").GetProperty("name").GetString() == "琼州海峡");
        Assert.Equal(4, features.Count(f => Kind(f) == "label" && f.GetProperty("properties").GetProperty("for").GetString() == "district"));
        var roads = features.Where(f => Kind(f) == "road").ToList();
        Assert.NotEmpty(roads);
        Assert.All(roads, r => Assert.Equal(1, r.GetProperty("properties").GetProperty("rank").GetInt32()));
        Assert.DoesNotContain(features, f => Kind(f) == "landmark");
    }

    [Theory]
    [InlineData("zoom=15", "bbox")]
    [InlineData("bbox=110.3,20.0,110.4,20.1", "zoom")]
    [InlineData("bbox=110.3,20.0,110.4,20.1&zoom=30", "zoom")]
    public async Task ABasemapRequestWithoutAViewportOrZoom_Answers400NamingTheField(string query, string field)
    {
        using var response = await city.Anonymous.GetAsync("/api/public/basemap?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    private static string? Kind(JsonElement feature) =>
        feature.GetProperty("properties").TryGetProperty("kind", out var kind) ? kind.GetString() : null;
}
