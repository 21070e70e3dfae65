using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Domain.Geography;
using CivicGrid.Server.Features.PublicService;
using CivicGrid.Server.Seeding;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.PublicService;

/// <summary>GET /api/public/nearby: the open reports of one type near a spot, shown on the report form before
/// submitting ("是否是这个问题？").</summary>
public abstract class NearbyReportsTests<TDatabase>(CityHost<TDatabase> city) where TDatabase : TestDatabase, new()
{
    private static readonly GeoPoint Here = new(DemoCity.CentrePoint.Longitude + 0.0123, DemoCity.CentrePoint.Latitude - 0.0087);
    private const double MetresPerDegree = 111_320;

    [Fact]
    public async Task NearbyReports_AreTheOpenOnesOfTheTypeWithinTheRadius_NearestFirst_WithoutContactOrUnapprovedWords()
    {
        var east = Offset(Here, eastMetres: 120, northMetres: 0);
        var near = await ReportAsync("06010", Here, contact: true);
        var second = await ReportAsync("06010", east);
        var far = await ReportAsync("06010", Offset(Here, eastMetres: 0, northMetres: 400));
        var otherType = await ReportAsync("07001", Offset(Here, eastMetres: -30, northMetres: 0));
        var rejected = await ReportAsync("06010", Offset(Here, eastMetres: 0, northMetres: -90));
        await city.Step("operator", await city.CaseIdOf(rejected), new { action = "reject", note = "不属于受理范围" });

        var body = await NearbyAsync(Here, "matter", "06010", 200);
        var found = body.GetProperty("reports").EnumerateArray().ToList();

        Assert.Equal([near, second], found.Select(r => r.GetProperty("number").GetString()));
        Assert.InRange(found[0].GetProperty("distanceMetres").GetInt32(), 0, 2);
        Assert.InRange(found[1].GetProperty("distanceMetres").GetInt32(), 110, 130);
        Assert.Equal($"/public/cases/{near}", found[0].GetProperty("url").GetString());
        Assert.Equal(JsonValueKind.Null, found[0].GetProperty("description").ValueKind);
        var raw = body.GetRawText();
        foreach (var secret in new[] { "张女士", "13912345678", "nearby-secret" }) Assert.DoesNotContain(secret, raw);
        Assert.DoesNotContain(far, raw);
        Assert.DoesNotContain(otherType, raw);

        var wide = (await NearbyAsync(Here, "matter", "06010", 500)).GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("number").GetString());
        Assert.Contains(far, wide);
    }

    [Fact]
    public async Task ASensitiveReport_IsFoundOnlyAtItsBlurredPlace_WithoutWordsOrPhoto()
    {
        var marked = await (await city.SignInAs("admin")).PutAsJsonAsync("/api/v1/catalogue/types/matter/09005/sensitivity", new { sensitive = true });
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        var exact = Offset(Here, eastMetres: -700, northMetres: 650);
        var (cellLon, cellLat) = PositionBlur.Snap(exact.Longitude, exact.Latitude, 200);
        var cell = new GeoPoint(cellLon, cellLat);
        Assert.True(GeoDistance.Metres(exact, cell) > 20, "choose a spot away from its cell's centre");
        var number = await ReportAsync("09005", exact);
        var id = await city.CaseIdOf(number);
        Assert.Equal(HttpStatusCode.OK, (await (await city.SignInAs("operator")).PutAsJsonAsync($"/api/v1/cases/{id}/public-text", new { description = "nearby-secret 已核实" })).StatusCode);

        var atTheSpot = await NearbyAsync(exact, "matter", "09005", 10);
        Assert.Empty(atTheSpot.GetProperty("reports").EnumerateArray());
        var atTheCell = (await NearbyAsync(cell, "matter", "09005", 10)).GetProperty("reports").EnumerateArray().ToList();
        var shown = Assert.Single(atTheCell);
        Assert.Equal(number, shown.GetProperty("number").GetString());
        Assert.True(shown.GetProperty("positionBlurred").GetBoolean());
        Assert.Equal(cellLon, shown.GetProperty("longitude").GetDouble(), 6);
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("description").ValueKind);
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("photo").ValueKind);
    }

    [Fact]
    public async Task BadNearbyQueries_AreAnsweredWithTheFieldNamed()
    {
        foreach (var (query, field) in new[]
        {
            ("lat=20.02&kind=matter&typeCode=06010", "lon"),
            ("lon=110.33&lat=91&kind=matter&typeCode=06010", "lat"),
            ("lon=110.33&lat=20.02&kind=thing&typeCode=06010", "kind"),
            ("lon=110.33&lat=20.02&kind=matter", "typeCode"),
            ("lon=110.33&lat=20.02&kind=matter&typeCode=06010&radius=5000", "radius"),
        })
        {
            var response = await city.Anonymous.GetAsync("/api/public/nearby?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), query);
        }
    }

    private async Task<JsonElement> NearbyAsync(GeoPoint at, string kind, string typeCode, int radius) =>
        await city.Anonymous.GetFromJsonAsync<JsonElement>(string.Create(CultureInfo.InvariantCulture,
            $"/api/public/nearby?lon={at.Longitude}&lat={at.Latitude}&kind={kind}&typeCode={typeCode}&radius={radius}"));

    private async Task<string> ReportAsync(string type, GeoPoint at, bool contact = false)
    {
        var receipt = await city.PublicReport(CitizenReports.At(0, type: type, description: "nearby-secret 路边问题",
            contact: contact ? CitizenReports.Contact : null, lon: at.Longitude, lat: at.Latitude));
        return receipt.GetProperty("number").GetString()!;
    }

    private static GeoPoint Offset(GeoPoint from, double eastMetres, double northMetres) => new(
        from.Longitude + eastMetres / (MetresPerDegree * Math.Cos(from.Latitude * Math.PI / 180)),
        from.Latitude + northMetres / MetresPerDegree);
}

public sealed class SqliteNearbyReportsTests(SqliteCity city) : NearbyReportsTests<SqliteTestDatabase>(city), IClassFixture<SqliteCity>;

public sealed class PostgresNearbyReportsTests(PostgresCity city) : NearbyReportsTests<PostgresTestDatabase>(city), IClassFixture<PostgresCity>;
