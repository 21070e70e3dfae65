using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Map;

/// <summary>Bad input → 400 ProblemDetails naming the field; no sign-in → 401; answers beyond the bounds are refused
/// (areas) or cut (cases).</summary>
/// <summary>The demo city with small map bounds (50 areas, 3 cases per answer), to see the limits act on the small city.</summary>
public sealed class TightMapCity() : CityHost<SqliteTestDatabase>(CityOptions.DemoCity.With("--Map:MaxAreas=50", "--Map:MaxCases=3"));

public sealed class MapRefusalTests(TightMapCity city) : IClassFixture<TightMapCity>
{
    private const string Box = "110.32,20.01,110.34,20.03";

    [Theory]
    [InlineData("areas?bbox=" + Box, "level")]
    [InlineData("areas?level=province&bbox=" + Box, "level")]
    [InlineData("areas?level=grid", "bbox")]
    [InlineData("areas?level=grid&bbox=110.32,20.01,110.34", "bbox")]
    [InlineData("areas?level=grid&bbox=a,b,c,d", "bbox")]
    [InlineData("areas?level=grid&bbox=110.34,20.01,110.32,20.03", "bbox")]
    [InlineData("areas?level=grid&bbox=110.32,20.03,110.34,20.01", "bbox")]
    [InlineData("areas?level=grid&bbox=170,20,190,21", "bbox")]
    [InlineData("areas?level=grid&bbox=110,-91,111,20", "bbox")]
    [InlineData("areas?level=grid&bbox=NaN,20,111,21", "bbox")]
    [InlineData("areas?level=grid&bbox=" + Box + "&zoom=23", "zoom")]
    [InlineData("areas?level=grid&bbox=" + Box + "&zoom=-1", "zoom")]
    [InlineData("areas?level=grid&bbox=" + Box + "&zoom=far", "zoom")]
    [InlineData("components?bbox=" + Box, "zoom")]
    [InlineData("components?zoom=12", "bbox")]
    [InlineData("components?bbox=" + Box + "&zoom=12&types=lamp", "types")]
    [InlineData("components?bbox=" + Box + "&zoom=12&types=0103", "types")]
    [InlineData("cases", "bbox")]
    [InlineData("cases?bbox=" + Box + "&status=closed", "status")]
    [InlineData("cases?bbox=" + Box + "&light=purple", "light")]
    [InlineData("cases?bbox=" + Box + "&department=huanwei", "department")]
    [InlineData("cases?bbox=" + Box + "&types=06,01", "types")]
    public async Task BadInput_Is400_NamingTheField(string query, string field)
    {
        var response = await (await city.SignInAs("dispatcher")).GetAsync($"/api/v1/map/{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("areas?level=district&bbox=" + Box)]
    [InlineData("components?bbox=" + Box + "&zoom=12")]
    [InlineData("cases?bbox=" + Box)]
    public async Task Anonymous_Is401(string query)
    {
        var response = await city.Anonymous.GetAsync($"/api/v1/map/{query}");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var signedIn = await (await city.SignInAs("inspector")).GetAsync($"/api/v1/map/{query}");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task TooManyAreas_Is400_AskingToZoomIn_WhileFewerAreAnswered()
    {
        var whole = await (await city.SignInAs("dispatcher")).GetAsync("/api/v1/map/areas?level=grid&bbox=110.0,19.5,110.8,20.3&zoom=11");
        Assert.Equal(HttpStatusCode.BadRequest, whole.StatusCode);
        var problem = await whole.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("zoom in", problem.GetProperty("errors").GetProperty("bbox")[0].GetString(), StringComparison.Ordinal);

        var small = await city.GetJson("dispatcher", "/api/v1/map/areas?level=grid&bbox=110.330,20.020,110.332,20.022&zoom=18");
        Assert.InRange(small.GetProperty("count").GetInt32(), 1, 50);
    }

    [Fact]
    public async Task Cases_AreCutAtTheBound_AndTheAnswerSaysSo()
    {
        var body = await city.GetJson("dispatcher", "/api/v1/map/cases?bbox=110.0,19.5,110.8,20.3");
        Assert.Equal(3, body.GetProperty("count").GetInt32());
        Assert.Equal(3, body.GetProperty("cases").GetArrayLength());
        Assert.True(body.GetProperty("truncated").GetBoolean());
        var created = body.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("createdAt").GetDateTimeOffset()).ToList();
        Assert.Equal(created.OrderDescending(), created);
    }
}
