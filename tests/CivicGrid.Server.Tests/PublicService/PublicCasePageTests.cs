using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Seeding;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.PublicService;

/// <summary>The public case page (/public/cases/{number} and its JSON) beside Open311 requests/{id}.json: one privacy
/// for both (no reporter data; sensitive types blurred and wordless; words and photos only once staff approved them).</summary>
public abstract class PublicCasePageTests<TDatabase>(CityHost<TDatabase> city) where TDatabase : TestDatabase, new()
{
    private const string Written = "小区门口垃圾堆了三天 王大爷家门口 page-5101";
    private const string Approved = "小区门口垃圾堆放多日 page-5101";

    [Fact]
    public async Task ThePublicCasePageAndOpen311_ShowNoUnapprovedWordsOrPhotosAndNoReporter_AndThePageShowsWhatStaffApproved()
    {
        var photo = await city.UploadPublicPhoto();
        var receipt = await city.PublicReport(CitizenReports.At(0, description: Written, contact: CitizenReports.Contact, photos: [photo],
            lon: DemoCity.CentrePoint.Longitude + 0.0061, lat: DemoCity.CentrePoint.Latitude - 0.0043));
        var number = receipt.GetProperty("number").GetString()!;
        var id = await city.CaseIdOf(number);

        var (page, open311, html) = await ReadAllAsync(number);
        foreach (var (surface, text) in new[] { ("page", page.GetRawText()), ("open311", open311.GetRawText()), ("html", html) })
        {
            foreach (var secret in new[] { "page-5101", "张女士", "13912345678", "zhang@example.cn" })
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{surface} shows {secret} before approval");
        }
        Assert.Equal(JsonValueKind.Null, page.GetProperty("description").ValueKind);
        Assert.Empty(page.GetProperty("photosBefore").EnumerateArray());
        var own = await city.Anonymous.GetStringAsync($"/public/track/{receipt.GetProperty("trackingToken").GetString()}");
        Assert.Contains(Written, own); // the reporter's own words, on their private tracking page only
        Assert.DoesNotContain("13912345678", own);
        Assert.Equal(page.GetProperty("longitude").GetDouble(), open311.GetProperty("long").GetDouble(), 6);
        Assert.Equal(page.GetProperty("latitude").GetDouble(), open311.GetProperty("lat").GetDouble(), 6);

        var reviewer = await city.SignInAs("operator");
        var texts = await reviewer.PutAsJsonAsync($"/api/v1/cases/{id}/public-text", new { description = Approved, resultNote = (string?)null });
        Assert.Equal(HttpStatusCode.OK, texts.StatusCode);
        var published = await reviewer.PostAsJsonAsync($"/api/v1/cases/{id}/attachments/{photo}/publication", new { approved = true });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        (page, open311, html) = await ReadAllAsync(number);
        Assert.Equal(Approved, page.GetProperty("description").GetString());
        Assert.Equal(Approved, open311.GetProperty("description").GetString());
        Assert.Contains(Approved, html);
        Assert.DoesNotContain("王大爷", html + open311.GetRawText() + page.GetRawText());
        Assert.Equal(photo, Assert.Single(page.GetProperty("photosBefore").EnumerateArray().ToList()).GetProperty("id").GetString());
        Assert.Contains($"/api/public/photos/{photo}?variant=thumbnail", html);
        foreach (var contact in new[] { "张女士", "13912345678", "zhang@example.cn" }) Assert.DoesNotContain(contact, html);

        var withdrawn = await reviewer.PutAsJsonAsync($"/api/v1/cases/{id}/public-text", new { description = (string?)null, resultNote = (string?)null });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        (page, open311, html) = await ReadAllAsync(number);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("description").ValueKind);
        Assert.NotEqual(JsonValueKind.String, Field(open311, "description"));
        Assert.DoesNotContain(Approved, html);
    }

    [Fact]
    public async Task ASensitiveCase_IsBlurredAndWordlessOnThePublicCasePageAndInOpen311_EvenWhenStaffApprovedItsWordsAndPhoto()
    {
        var marked = await (await city.SignInAs("admin")).PutAsJsonAsync("/api/v1/catalogue/types/matter/09001/sensitivity", new { sensitive = true });
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        var (exactLon, exactLat) = (DemoCity.CentrePoint.Longitude - 0.0071, DemoCity.CentrePoint.Latitude + 0.0052);
        var photo = await city.UploadPublicPhoto();
        var receipt = await city.PublicReport(CitizenReports.At(0, type: "09001", description: Written, photos: [photo], lon: exactLon, lat: exactLat));
        var number = receipt.GetProperty("number").GetString()!;
        var id = await city.CaseIdOf(number);
        var reviewer = await city.SignInAs("operator");
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PutAsJsonAsync($"/api/v1/cases/{id}/public-text", new { description = Approved, resultNote = "已处理" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/v1/cases/{id}/attachments/{photo}/publication", new { approved = true })).StatusCode);

        var (page, open311, html) = await ReadAllAsync(number);
        Assert.True(page.GetProperty("positionBlurred").GetBoolean());
        var (lon, lat) = (page.GetProperty("longitude").GetDouble(), page.GetProperty("latitude").GetDouble());
        Assert.True(Math.Abs(lon - exactLon) > 1e-5 || Math.Abs(lat - exactLat) > 1e-5, "the page shows the exact spot");
        Assert.Equal(lon, open311.GetProperty("long").GetDouble(), 6);
        Assert.Equal(lat, open311.GetProperty("lat").GetDouble(), 6);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("description").ValueKind);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("resultNote").ValueKind);
        Assert.NotEqual(JsonValueKind.String, Field(open311, "description"));
        Assert.Empty(page.GetProperty("photosBefore").EnumerateArray());
        Assert.DoesNotContain("page-5101", html);
        Assert.DoesNotContain(photo, html);
    }

    [Fact]
    public async Task TheResultNoteAndThePhotoOfTheFeedback_ShowOnceApproved_AsTheAfterBesideTheBefore_WithTheDepartmentByName()
    {
        var before = await city.UploadPublicPhoto();
        var receipt = await city.PublicReport(CitizenReports.At(0, photos: [before],
            lon: DemoCity.CentrePoint.Longitude + 0.0093, lat: DemoCity.CentrePoint.Latitude + 0.0031));
        var number = receipt.GetProperty("number").GetString()!;
        var id = await city.CaseIdOf(number);
        await city.Step("operator", id, new { action = "register" });
        await city.Step("dispatcher", id, new { action = "dispatch" });
        await city.Step("handler.huanwei", id, new { action = "accept" });
        var after = await UploadStaffPhotoAsync("handler.huanwei", id);
        await city.Step("handler.huanwei", id, new { action = "feedback", note = "已清运，联系人李师傅 13800001111", attachmentIds = new[] { after } });

        var review = await city.GetJson("shiftlead", $"/api/v1/cases/{id}/public-text");
        Assert.Equal("已清运，联系人李师傅 13800001111", review.GetProperty("resultNote").GetString());
        Assert.Equal(JsonValueKind.Null, review.GetProperty("publicResultNote").ValueKind);
        var unapproved = await city.Anonymous.GetStringAsync($"/public/cases/{number}");
        Assert.DoesNotContain("已清运", unapproved);

        var reviewer = await city.SignInAs("shiftlead");
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PutAsJsonAsync($"/api/v1/cases/{id}/public-text", new { description = (string?)null, resultNote = "垃圾已清运" })).StatusCode);
        foreach (var photo in new[] { before, after.ToString() })
            Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/v1/cases/{id}/attachments/{photo}/publication", new { approved = true })).StatusCode);

        var page = await city.Anonymous.GetFromJsonAsync<JsonElement>($"/api/public/cases/{number}");
        Assert.Equal("垃圾已清运", page.GetProperty("resultNote").GetString());
        Assert.Equal(before, Assert.Single(page.GetProperty("photosBefore").EnumerateArray().ToList()).GetProperty("id").GetString());
        Assert.Equal(after.ToString(), Assert.Single(page.GetProperty("photosAfter").EnumerateArray().ToList()).GetProperty("id").GetString());
        var department = page.GetProperty("departmentName").GetString();
        Assert.False(string.IsNullOrEmpty(department));
        Assert.Contains("dispatch", page.GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("action").GetString()));
        var html = await city.Anonymous.GetStringAsync($"/public/cases/{number}");
        Assert.Contains("垃圾已清运", html);
        Assert.Contains(department!, html);
        Assert.Contains("data-testid=\"photos-after\"", html);
        Assert.DoesNotContain("李师傅", html);
    }

    [Fact]
    public async Task ThePublicTextApi_NamesTheBadField_RefusesOtherRoles_AndAnUnknownCaseIsNotFound()
    {
        var receipt = await city.PublicReport(CitizenReports.At(0, lon: DemoCity.CentrePoint.Longitude - 0.0101, lat: DemoCity.CentrePoint.Latitude - 0.0062));
        var id = await city.CaseIdOf(receipt.GetProperty("number").GetString()!);
        var reviewer = await city.SignInAs("operator");

        var blank = await reviewer.PutAsJsonAsync($"/api/v1/cases/{id}/public-text", new { description = "   ", resultNote = new string('长', 1001) });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        var errors = (await blank.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("description", out _));
        Assert.True(errors.TryGetProperty("resultNote", out _));
        var dispatcher = await (await city.SignInAs("dispatcher")).PutAsJsonAsync($"/api/v1/cases/{id}/public-text", new { description = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, dispatcher.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync("/api/v1/cases/999999999/public-text")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await city.Anonymous.GetAsync("/api/public/cases/HK0000000000000")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await city.Anonymous.GetAsync("/public/cases/HK0000000000000")).StatusCode);
    }

    private async Task<(JsonElement Page, JsonElement Open311, string Html)> ReadAllAsync(string number)
    {
        var page = await city.Anonymous.GetFromJsonAsync<JsonElement>($"/api/public/cases/{number}");
        var open311 = Assert.Single((await city.Anonymous.GetFromJsonAsync<JsonElement>($"/open311/v2/requests/{number}.json?extensions=true")).EnumerateArray().ToList());
        var html = await city.Anonymous.GetStringAsync($"/public/cases/{number}");
        return (page, open311, html);
    }

    private async Task<Guid> UploadStaffPhotoAsync(string user, long caseId)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Attachments.TestImages.JpegWithGps()), "file", "after.jpg" } };
        var uploaded = await (await city.SignInAs(user)).PostAsync($"/api/v1/cases/{caseId}/attachments", form);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        return (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static JsonValueKind Field(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind : JsonValueKind.Undefined;
}

public sealed class SqlitePublicCasePageTests(SqliteCity city) : PublicCasePageTests<SqliteTestDatabase>(city), IClassFixture<SqliteCity>;

public sealed class PostgresPublicCasePageTests(PostgresCity city) : PublicCasePageTests<PostgresTestDatabase>(city), IClassFixture<PostgresCity>;
