using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Seeding;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.PublicService;

/// <summary>One sensitive and one ordinary case, read anonymously through every public surface (Open311 list and
/// single request, the public map API, the public case page and its API, nearby reports, public tracking): each shows
/// the same position, text and photos (both approved by staff), and for the sensitive type that is the blurred cell
/// centre with no description, address or photo. All of them go through the one rule, <c>PublicCasePrivacy</c>.</summary>
public abstract class PublicPrivacySurfaceTests<TDatabase>(CityHost<TDatabase> city) where TDatabase : TestDatabase, new()
{
    private const string SecretText = "楼下游商每晚摆摊 secret-4711";
    private const string OrdinaryText = "路边垃圾 ordinary-4712";
    private const string SecretAddress = "幸福里 3 栋楼下 secret-address-4713";

    [Fact]
    public async Task EveryPublicSurface_ShowsASensitiveCaseBlurredAndWithoutText_AndAnOrdinaryOneAsItIs()
    {
        var marked = await (await city.SignInAs("admin")).PutAsJsonAsync("/api/v1/catalogue/types/matter/09001/sensitivity", new { sensitive = true });
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        var (exactLon, exactLat) = (DemoCity.CentrePoint.Longitude + 0.00411, DemoCity.CentrePoint.Latitude + 0.00237);
        var sensitive = await ReportWithPublicPhotoAsync("09001", SecretText, exactLon, exactLat, SecretAddress);
        var ordinary = await ReportWithPublicPhotoAsync("06010", OrdinaryText, exactLon + 0.003, exactLat);

        var surfaces = new Dictionary<string, string>
        {
            ["open311 list"] = await city.Anonymous.GetStringAsync("/open311/v2/requests.json?service_code=M09001,M06010"),
            ["open311 single"] = await city.Anonymous.GetStringAsync($"/open311/v2/requests/{sensitive.Number}.json?extensions=true"),
            ["public map"] = await city.Anonymous.GetStringAsync("/api/public/cases?days=30"),
            ["public tracking"] = await city.Anonymous.GetStringAsync($"/api/public/track/{sensitive.Token}"),
            ["public case api"] = await city.Anonymous.GetStringAsync($"/api/public/cases/{sensitive.Number}"),
            ["public case page"] = await city.Anonymous.GetStringAsync($"/public/cases/{sensitive.Number}"),
            ["nearby reports"] = await city.Anonymous.GetStringAsync(FormattableString.Invariant(
                $"/api/public/nearby?lon={exactLon}&lat={exactLat}&kind=matter&typeCode=09001&radius=500")),
        };
        foreach (var (surface, text) in surfaces)
        {
            Assert.False(text.Contains(SecretText, StringComparison.Ordinal), $"{surface} shows the sensitive text");
            Assert.False(text.Contains("secret-address", StringComparison.Ordinal), $"{surface} shows the sensitive address");
        }

        var map = JsonDocument.Parse(surfaces["public map"]).RootElement.GetProperty("cases").EnumerateArray().ToList();
        var open311 = JsonDocument.Parse(surfaces["open311 list"]).RootElement.EnumerateArray().ToList();
        var single = Assert.Single(JsonDocument.Parse(surfaces["open311 single"]).RootElement.EnumerateArray().ToList());

        var mapSensitive = map.Single(c => c.GetProperty("number").GetString() == sensitive.Number);
        var listSensitive = open311.Single(r => r.GetProperty("service_request_id").GetString() == sensitive.Number);
        var shown = (Lon: mapSensitive.GetProperty("longitude").GetDouble(), Lat: mapSensitive.GetProperty("latitude").GetDouble());
        Assert.True(mapSensitive.GetProperty("positionBlurred").GetBoolean());
        Assert.True(Math.Abs(shown.Lon - exactLon) > 1e-5 || Math.Abs(shown.Lat - exactLat) > 1e-5, "the map shows the exact spot");
        foreach (var request in new[] { listSensitive, single })
        {
            Assert.Equal(shown.Lon, request.GetProperty("long").GetDouble(), 6);
            Assert.Equal(shown.Lat, request.GetProperty("lat").GetDouble(), 6);
            Assert.NotEqual(JsonValueKind.String, Field(request, "description"));
            Assert.NotEqual(JsonValueKind.String, Field(request, "address"));
            Assert.NotEqual(JsonValueKind.String, Field(request, "media_url"));
        }
        Assert.Empty(mapSensitive.GetProperty("photos").EnumerateArray());
        var page = JsonDocument.Parse(surfaces["public case api"]).RootElement;
        var nearby = JsonDocument.Parse(surfaces["nearby reports"]).RootElement.GetProperty("reports").EnumerateArray()
            .Single(r => r.GetProperty("number").GetString() == sensitive.Number);
        foreach (var (surface, view) in new[] { ("public case api", page), ("nearby reports", nearby) })
        {
            Assert.Equal(shown.Lon, view.GetProperty("longitude").GetDouble(), 6);
            Assert.Equal(shown.Lat, view.GetProperty("latitude").GetDouble(), 6);
            Assert.True(view.GetProperty("positionBlurred").GetBoolean(), surface + " does not say the place is blurred");
            Assert.NotEqual(JsonValueKind.String, Field(view, "description"));
        }
        Assert.NotEqual(JsonValueKind.String, Field(page, "address"));
        Assert.Empty(page.GetProperty("photosBefore").EnumerateArray());
        Assert.Contains(FormattableString.Invariant($"lon={shown.Lon}&amp;lat={shown.Lat}"), surfaces["public case page"]); // its "on the map" link
        Assert.DoesNotContain("/api/public/photos/", surfaces["public case page"]);
        Assert.Empty(JsonDocument.Parse(surfaces["public tracking"]).RootElement.GetProperty("photos").EnumerateArray());

        var mapOrdinary = map.Single(c => c.GetProperty("number").GetString() == ordinary.Number);
        var listOrdinary = open311.Single(r => r.GetProperty("service_request_id").GetString() == ordinary.Number);
        Assert.False(mapOrdinary.GetProperty("positionBlurred").GetBoolean());
        Assert.Equal(exactLon + 0.003, mapOrdinary.GetProperty("longitude").GetDouble(), 6);
        Assert.Equal(mapOrdinary.GetProperty("longitude").GetDouble(), listOrdinary.GetProperty("long").GetDouble(), 6);
        Assert.Equal(mapOrdinary.GetProperty("latitude").GetDouble(), listOrdinary.GetProperty("lat").GetDouble(), 6);
        Assert.Equal(OrdinaryText, listOrdinary.GetProperty("description").GetString());
        Assert.NotEmpty(mapOrdinary.GetProperty("photos").EnumerateArray());
        Assert.NotEmpty((await city.Track(ordinary.Token)).GetProperty("photos").EnumerateArray());
        var ordinaryPage = await city.Anonymous.GetFromJsonAsync<JsonElement>($"/api/public/cases/{ordinary.Number}");
        Assert.Equal(OrdinaryText, ordinaryPage.GetProperty("description").GetString());
        Assert.Equal(mapOrdinary.GetProperty("longitude").GetDouble(), ordinaryPage.GetProperty("longitude").GetDouble(), 6);
        Assert.NotEmpty(ordinaryPage.GetProperty("photosBefore").EnumerateArray());
    }

    [Fact]
    public async Task PublicMap_ASmallBoxAroundTheExactSpot_DoesNotRevealASensitiveCase()
    {
        var marked = await (await city.SignInAs("admin")).PutAsJsonAsync("/api/v1/catalogue/types/matter/09005/sensitivity", new { sensitive = true });
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        var (exactLon, exactLat) = (DemoCity.CentrePoint.Longitude - 0.00517, DemoCity.CentrePoint.Latitude - 0.00163);
        var receipt = await city.PublicReport(CitizenReports.At(0, type: "09005", lon: exactLon, lat: exactLat));
        var number = receipt.GetProperty("number").GetString();
        FormattableString box = $"/api/public/cases?days=30&bbox={exactLon - 0.00002},{exactLat - 0.00002},{exactLon + 0.00002},{exactLat + 0.00002}";

        var tight = await city.Anonymous.GetFromJsonAsync<JsonElement>(System.FormattableString.Invariant(box));

        Assert.DoesNotContain(tight.GetProperty("cases").EnumerateArray(), c => c.GetProperty("number").GetString() == number);
    }

    private static JsonValueKind Field(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind : JsonValueKind.Undefined;

    private async Task<(string Number, string Token)> ReportWithPublicPhotoAsync(string type, string description, double lon, double lat, string? address = null)
    {
        var photo = await city.UploadPublicPhoto();
        var receipt = await city.PublicReport(new { longitude = lon, latitude = lat, kind = "matter", typeCode = type, description, address, photos = new[] { photo } });
        var number = receipt.GetProperty("number").GetString()!;
        var id = await city.CaseIdOf(number);
        var approved = await (await city.SignInAs("admin")).PostAsJsonAsync($"/api/v1/cases/{id}/attachments/{photo}/publication", new { approved = true });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        // Words are public only once staff approve them; a sensitive type's stay hidden even then.
        var text = await (await city.SignInAs("admin")).PutAsJsonAsync($"/api/v1/cases/{id}/public-text", new { description, resultNote = (string?)null });
        Assert.Equal(HttpStatusCode.OK, text.StatusCode);
        return (number, receipt.GetProperty("trackingToken").GetString()!);
    }
}

public sealed class SqlitePublicPrivacySurfaceTests(SqliteCity city)
    : PublicPrivacySurfaceTests<SqliteTestDatabase>(city), IClassFixture<SqliteCity>;

public sealed class PostgresPublicPrivacySurfaceTests(PostgresCity city)
    : PublicPrivacySurfaceTests<PostgresTestDatabase>(city), IClassFixture<PostgresCity>;
