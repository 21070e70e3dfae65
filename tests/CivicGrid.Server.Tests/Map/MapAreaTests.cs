using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Map;

/// <summary>GET /api/v1/map/areas over the small demo city: the areas of a level that intersect the viewport, as GeoJSON.</summary>
public sealed class MapAreaTests(SqliteCity city) : IClassFixture<SqliteCity>
{
    private static readonly string[] AreaTypes = ["Polygon", "MultiPolygon"];
    private const double West = 110.32, South = 20.01, East = 110.34, North = 20.03;

    [Theory]
    [InlineData("district")]
    [InlineData("street")]
    [InlineData("community")]
    [InlineData("grid")]
    public async Task Areas_OfEachLevel_AreExactlyThoseIntersectingTheViewport(string level)
    {
        var body = await city.GetJson("inspector", $"/api/v1/map/areas?level={level}&bbox={Viewports.Bbox(West, South, East, North)}&zoom=15");

        var (expected, all) = await ExpectedCodesAsync(level);
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < all, $"the viewport should leave some {level} areas out ({expected.Count} of {all})");
        Assert.Equal("FeatureCollection", body.GetProperty("type").GetString());
        var features = body.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(expected.Count, body.GetProperty("count").GetInt32());
        Assert.Equal(expected, features.Select(f => f.GetProperty("properties").GetProperty("code").GetString()!).ToList());
        foreach (var feature in features)
        {
            var properties = feature.GetProperty("properties");
            Assert.Equal(level, properties.GetProperty("level").GetString());
            Assert.False(string.IsNullOrEmpty(properties.GetProperty("name").GetString()));
            Assert.Contains(feature.GetProperty("geometry").GetProperty("type").GetString(), AreaTypes);
            if (level == "grid")
            {
                Assert.StartsWith(properties.GetProperty("communityCode").GetString()!, properties.GetProperty("code").GetString()!, StringComparison.Ordinal);
                Assert.True(properties.GetProperty("builtUp").ValueKind is JsonValueKind.True or JsonValueKind.False);
            }
        }
    }

    [Fact]
    public async Task Areas_AtALowZoom_AreSimplified()
    {
        var bbox = Viewports.Bbox(110.0, 19.5, 110.8, 20.3);
        var full = await city.GetJson("inspector", $"/api/v1/map/areas?level=district&bbox={bbox}");
        var coarse = await city.GetJson("inspector", $"/api/v1/map/areas?level=district&bbox={bbox}&zoom=5");

        Assert.Equal(full.GetProperty("count").GetInt32(), coarse.GetProperty("count").GetInt32());
        Assert.True(Vertices(coarse) < Vertices(full), $"zoom 5: {Vertices(coarse)} vertices, full detail: {Vertices(full)}");
        Assert.True(Vertices(coarse) >= 4 * coarse.GetProperty("count").GetInt32(), "every district keeps a ring");
    }

    [Fact]
    public async Task Areas_Answer_IsGeoJson()
    {
        var response = await (await city.SignInAs("dispatcher")).GetAsync($"/api/v1/map/areas?level=district&bbox={Viewports.Bbox(West, South, East, North)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["460106"], body.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
    }

    private static int Vertices(JsonElement collection)
    {
        static int Count(JsonElement e) => e.ValueKind != JsonValueKind.Array ? 0
            : e.EnumerateArray().First().ValueKind == JsonValueKind.Number ? 1 : e.EnumerateArray().Sum(Count);
        return collection.GetProperty("features").EnumerateArray().Sum(f => Count(f.GetProperty("geometry").GetProperty("coordinates")));
    }

    private async Task<(List<string> Codes, int All)> ExpectedCodesAsync(string level)
    {
        await using var db = city.Db();
        List<(string Code, Geometry Boundary)> areas = level == "grid"
            ? (await db.UnitGrids.AsNoTracking().Select(g => new { g.Code, g.Boundary }).ToListAsync()).Select(g => (g.Code, g.Boundary)).ToList()
            : (await db.AdministrativeUnits.AsNoTracking().Where(u => u.Boundary != null).ToListAsync())
                .Where(u => u.Level.ToString().Equals(level, StringComparison.OrdinalIgnoreCase)).Select(u => (u.Code, u.Boundary!)).ToList();
        var viewport = new GeometryFactory().ToGeometry(new Envelope(West, East, South, North));
        var codes = areas.Where(a => viewport.Intersects(a.Boundary)).Select(a => a.Code).Order(StringComparer.Ordinal).ToList();
        return (codes, areas.Count);
    }
}
