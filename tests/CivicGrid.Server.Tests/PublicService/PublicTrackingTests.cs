using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Seeding;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.PublicService;

public abstract class PublicTrackingTests<TDatabase>(CityHost<TDatabase> city) where TDatabase : TestDatabase, new()
{
    [Fact]
    public async Task Rating_IsRefusedBeforeClose_AcceptedOnceAfterClose_AndRefusedTheSecondTime()
    {
        var receipt = await city.PublicReport(CitizenReports.At(0, contact: CitizenReports.Contact,
            lon: DemoCity.CentrePoint.Longitude, lat: DemoCity.CentrePoint.Latitude));
        var token = receipt.GetProperty("trackingToken").GetString()!;
        var early = await city.Anonymous.PostAsJsonAsync($"/api/public/track/{token}/rating", new { score = 5 });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("application/problem+json", early.Content.Headers.ContentType?.MediaType);

        var id = await city.CaseIdOf(receipt.GetProperty("number").GetString()!);
        await city.Step("operator", id, new { action = "request_verification" });
        await city.Step("inspector", id, new { action = "verify", confirmed = true, note = "现场属实，联系人张女士" });
        await city.CloseThroughWorkflow(id);

        var closed = await city.Anonymous.GetStringAsync($"/api/public/track/{token}");
        var view = JsonDocument.Parse(closed).RootElement;
        Assert.Equal("closed", view.GetProperty("status").GetString());
        Assert.True(view.GetProperty("canRate").GetBoolean());
        Assert.Equal(["report", "request_verification", "verify", "register", "dispatch", "accept", "feedback", "request_check", "check", "close"],
            view.GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("action").GetString()));
        Assert.DoesNotContain("张女士", closed); // the staff note stays internal
        Assert.DoesNotContain("王海", closed); // no staff names
        Assert.DoesNotContain("actor", closed, StringComparison.OrdinalIgnoreCase);

        var badScore = await city.Anonymous.PostAsJsonAsync($"/api/public/track/{token}/rating", new { score = 6 });
        Assert.Equal(HttpStatusCode.BadRequest, badScore.StatusCode);
        Assert.True((await badScore.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("score", out _));
        var longComment = await city.Anonymous.PostAsJsonAsync($"/api/public/track/{token}/rating", new { score = 4, comment = new string('好', 501) });
        Assert.True((await longComment.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("comment", out _));

        var rated = await city.Anonymous.PostAsJsonAsync($"/api/public/track/{token}/rating", new { score = 4, comment = "处理及时" });
        Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
        var again = await city.Anonymous.PostAsJsonAsync($"/api/public/track/{token}/rating", new { score = 1, comment = "改主意了" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var after = await city.Track(token);
        Assert.Equal(4, after.GetProperty("rating").GetProperty("score").GetInt32());
        Assert.Equal("处理及时", after.GetProperty("rating").GetProperty("comment").GetString());
        Assert.False(after.GetProperty("canRate").GetBoolean());
        await using var db = city.Db();
        Assert.Equal(4, (await db.CaseRatings.SingleAsync(r => r.CaseId == id)).Score);
    }

    [Fact]
    public async Task UnreviewedPhotos_AreNotPublic_ApprovedOnesAre_WithoutMetadata_AndWithdrawnOnesAreNotAgain()
    {
        var photo = await city.UploadPublicPhoto();
        var receipt = await city.PublicReport(CitizenReports.At(1, type: "06010", photos: [photo]));
        var token = receipt.GetProperty("trackingToken").GetString()!;
        var id = await city.CaseIdOf(receipt.GetProperty("number").GetString()!);
        Assert.Equal(HttpStatusCode.NotFound, (await city.Anonymous.GetAsync($"/api/public/photos/{photo}")).StatusCode);
        Assert.Empty((await city.Track(token)).GetProperty("photos").EnumerateArray());

        var dispatcherTry = await (await city.SignInAs("dispatcher")).PostAsJsonAsync($"/api/v1/cases/{id}/attachments/{photo}/publication", new { approved = true });
        Assert.Equal(HttpStatusCode.Forbidden, dispatcherTry.StatusCode);
        var approved = await (await city.SignInAs("operator")).PostAsJsonAsync($"/api/v1/cases/{id}/attachments/{photo}/publication", new { approved = true });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        var photos = (await city.Track(token)).GetProperty("photos").EnumerateArray().ToList();
        Assert.Equal(photo, Assert.Single(photos).GetProperty("id").GetString());
        var download = await city.Anonymous.GetAsync(photos[0].GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType?.MediaType);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 100);
        Assert.DoesNotContain("CivicGridTestCam", System.Text.Encoding.Latin1.GetString(bytes)); // EXIF gone
        Assert.Equal(HttpStatusCode.OK, (await city.Anonymous.GetAsync(photos[0].GetProperty("thumbnailUrl").GetString())).StatusCode);

        await (await city.SignInAs("operator")).PostAsJsonAsync($"/api/v1/cases/{id}/attachments/{photo}/publication", new { approved = false });
        Assert.Equal(HttpStatusCode.NotFound, (await city.Anonymous.GetAsync($"/api/public/photos/{photo}")).StatusCode);
        Assert.Empty((await city.Track(token)).GetProperty("photos").EnumerateArray());
    }

    /// <summary>The report form shows the photos a failed submit kept as thumbnails (issue 17): an upload not yet part of
    /// a report shows its thumbnail (no metadata) to whoever holds its id, never its larger copy; once reported, only approval shows it.</summary>
    [Fact]
    public async Task AnUploadNotYetReported_ShowsItsThumbnail_ButNotItsCopy_AndOnceReportedOnlyAfterApproval()
    {
        var photo = await city.UploadPublicPhoto();
        var thumbnail = await city.Anonymous.GetAsync($"/api/public/photos/{photo}?variant=thumbnail");
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("CivicGridTestCam", System.Text.Encoding.Latin1.GetString(await thumbnail.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await city.Anonymous.GetAsync($"/api/public/photos/{photo}")).StatusCode);

        await city.PublicReport(CitizenReports.At(4, type: "06010", photos: [photo]));
        Assert.Equal(HttpStatusCode.NotFound, (await city.Anonymous.GetAsync($"/api/public/photos/{photo}?variant=thumbnail")).StatusCode);
    }

    [Fact]
    public async Task PhotoReview_OutsideTheReviewersScope_Is404()
    {
        var (lon, lat) = await PointInXiuyingAsync();
        var photo = await city.UploadPublicPhoto();
        var receipt = await city.PublicReport(CitizenReports.At(0, type: "06010", photos: [photo], lon: lon, lat: lat));
        var id = await city.CaseIdOf(receipt.GetProperty("number").GetString()!);

        await CivicGrid.Server.Tests.Auth.StaffAccounts.AddAsync(city.Database, "operator.longhua.review",
            CivicGrid.Domain.Organisation.Roles.IntakeOperator, CivicGrid.Domain.Organisation.DataScope.OfDistrict("460106"));
        var outOfScope = await (await city.SignInAs("operator.longhua.review")).PostAsJsonAsync($"/api/v1/cases/{id}/attachments/{photo}/publication", new { approved = true });
        Assert.Equal(HttpStatusCode.NotFound, outOfScope.StatusCode);
        await using (var db = city.Db()) Assert.False((await db.Attachments.SingleAsync(a => a.Id == Guid.Parse(photo))).IsPublic);
        var response = await (await city.SignInAs("admin")).PostAsJsonAsync($"/api/v1/cases/{id}/attachments/{photo}/publication", new { approved = true });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var unknownCase = await (await city.SignInAs("operator")).PostAsJsonAsync($"/api/v1/cases/999999/attachments/{photo}/publication", new { approved = true });
        Assert.Equal(HttpStatusCode.NotFound, unknownCase.StatusCode);
        var anonymous = await city.Anonymous.PostAsJsonAsync($"/api/v1/cases/{id}/attachments/{photo}/publication", new { approved = true });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task PublicMap_HasNoPersonalData_AndBlursSensitiveTypes()
    {
        var plain = await city.PublicReport(CitizenReports.At(2, type: "06010", contact: CitizenReports.Contact, description: "门口垃圾 13912345678"));
        var exactLon = DemoCity.CentrePoint.Longitude + 0.0008 * 3 + 0.00011;
        var exactLat = DemoCity.CentrePoint.Latitude + 0.00013;
        var sensitive = await city.PublicReport(CitizenReports.At(3, type: "09006", contact: CitizenReports.Contact, lon: exactLon, lat: exactLat));
        var refused = await (await city.SignInAs("operator")).PutAsJsonAsync("/api/v1/catalogue/types/matter/09006/sensitivity", new { sensitive = true });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var marked = await (await city.SignInAs("admin")).PutAsJsonAsync("/api/v1/catalogue/types/matter/09006/sensitivity", new { sensitive = true });
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);

        var text = await city.Anonymous.GetStringAsync("/api/public/cases?bbox=110.2,19.9,110.5,20.2&days=30");

        Assert.DoesNotContain("13912345678", text);
        Assert.DoesNotContain("张女士", text);
        Assert.DoesNotContain("zhang@example.cn", text);
        Assert.DoesNotContain("门口垃圾", text); // no descriptions either
        var cases = JsonDocument.Parse(text).RootElement.GetProperty("cases").EnumerateArray().ToList();
        var plainCase = cases.Single(c => c.GetProperty("number").GetString() == plain.GetProperty("number").GetString());
        Assert.False(plainCase.GetProperty("positionBlurred").GetBoolean());
        Assert.Equal(DemoCity.CentrePoint.Longitude + 0.0008 * 2, plainCase.GetProperty("longitude").GetDouble(), 6);
        var blurred = cases.Single(c => c.GetProperty("number").GetString() == sensitive.GetProperty("number").GetString());
        Assert.True(blurred.GetProperty("positionBlurred").GetBoolean());
        var (lon, lat) = (blurred.GetProperty("longitude").GetDouble(), blurred.GetProperty("latitude").GetDouble());
        Assert.NotEqual(exactLon, lon, 5);
        Assert.NotEqual(exactLat, lat, 5);
        Assert.True(Math.Abs(lon - exactLon) < 0.002 && Math.Abs(lat - exactLat) < 0.002, "snapped to a nearby cell centre");

        var outside = await city.Anonymous.GetFromJsonAsync<JsonElement>("/api/public/cases?bbox=0,0,1,1");
        Assert.Empty(outside.GetProperty("cases").EnumerateArray());
        var bad = await city.Anonymous.GetAsync("/api/public/cases?bbox=1,2,3");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("bbox", out _));
        var badDays = await city.Anonymous.GetAsync("/api/public/cases?days=1000");
        Assert.True((await badDays.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("days", out _));
    }

    [Fact]
    public async Task Notices_AreShownOnlyWithinTheirWindow_AndForTheirDistricts()
    {
        var now = city.Time.GetUtcNow();
        var admin = await city.SignInAs("admin");
        var created = await admin.PostAsJsonAsync("/api/v1/notices", new
        {
            title = "暴雨橙色预警", body = "请避开低洼路段", severity = "alert",
            publishedFrom = now.AddMinutes(10), publishedUntil = now.AddMinutes(20), districts = Longhua,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        async Task<List<string?>> Titles(string query = "") =>
            (await city.Anonymous.GetFromJsonAsync<JsonElement>("/api/public/notices" + query)).EnumerateArray().Select(n => n.GetProperty("title").GetString()).ToList();

        Assert.DoesNotContain("暴雨橙色预警", await Titles());
        city.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.Contains("暴雨橙色预警", await Titles());
        Assert.Contains("暴雨橙色预警", await Titles("?district=460106"));
        Assert.DoesNotContain("暴雨橙色预警", await Titles("?district=460105"));
        city.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.DoesNotContain("暴雨橙色预警", await Titles());

        var staffList = await (await city.SignInAs("shiftlead")).GetFromJsonAsync<JsonElement>("/api/v1/notices");
        Assert.Contains(staffList.EnumerateArray(), n => n.GetProperty("id").GetInt32() == id && !n.GetProperty("isCurrent").GetBoolean());
        var invalid = await admin.PostAsJsonAsync("/api/v1/notices", new { title = "", body = "x", publishedFrom = now, publishedUntil = now.AddMinutes(-1) });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _) && errors.TryGetProperty("publishedUntil", out _));
        using var wrongType = new StringContent("""{"title":5,"body":"x"}""", System.Text.Encoding.UTF8, "application/json");
        var typed = await admin.PostAsync("/api/v1/notices", wrongType);
        Assert.Equal(HttpStatusCode.BadRequest, typed.StatusCode);
        Assert.True((await typed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("title", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await city.SignInAs("dispatcher")).GetAsync("/api/v1/notices")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/notices/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/notices/{id}")).StatusCode);
    }

    private static readonly string[] Longhua = ["460106"];

    private async Task<(double Lon, double Lat)> PointInXiuyingAsync()
    {
        await using var db = city.Db();
        var grid = await db.UnitGrids.AsNoTracking().Where(g => g.DistrictCode == "460105").OrderBy(g => g.Code).FirstAsync();
        var point = grid.Boundary.InteriorPoint;
        return (point.X, point.Y);
    }
}

public sealed class SqlitePublicTrackingTests(SqliteCity city) : PublicTrackingTests<SqliteTestDatabase>(city), IClassFixture<SqliteCity>;
