using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.PublicService;

public abstract class PublicReportTests<TDatabase>(CityHost<TDatabase> city) where TDatabase : TestDatabase, new()
{
    [Fact]
    public async Task ReportWithPhotos_AnswersNumberAndToken_AndTrackShowsPublicTimelineWithoutPersonalData()
    {
        var photos = new[] { await city.UploadPublicPhoto(), await city.UploadPublicPhoto() };

        var response = await city.TryPublicReport(CitizenReports.At(1, contact: CitizenReports.Contact, photos: photos, description: "井边垃圾，联系我 13912345678"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("created", receipt.GetProperty("outcome").GetString());
        var number = receipt.GetProperty("number").GetString()!;
        var token = receipt.GetProperty("trackingToken").GetString()!;
        Assert.Matches(@"^HK\d{13}$", number);
        Assert.Equal(43, token.Length);

        var tracked = await city.Anonymous.GetAsync($"/api/public/track/{token}");
        Assert.Equal(HttpStatusCode.OK, tracked.StatusCode);
        var text = await tracked.Content.ReadAsStringAsync();
        var view = JsonDocument.Parse(text).RootElement;
        Assert.Equal(number, view.GetProperty("number").GetString());
        Assert.Equal("received", view.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(view.GetProperty("typeName").GetString()));
        Assert.Equal(["report"], view.GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("action").GetString()));
        Assert.Empty(view.GetProperty("photos").EnumerateArray()); // not reviewed yet
        Assert.False(view.GetProperty("canRate").GetBoolean());
        Assert.DoesNotContain("13912345678", text);
        Assert.DoesNotContain("张女士", text);
        Assert.DoesNotContain("zhang@example.cn", text);

        var id = await city.CaseIdOf(number);
        await using var db = city.Db();
        var attached = (await db.Attachments.Where(a => a.CaseId == id).Select(a => a.Id).ToListAsync()).Select(g => g.ToString());
        Assert.Equal(photos.Order(), attached.Order());
        var @case = await db.Cases.SingleAsync(c => c.Id == id);
        Assert.Equal("Citizen", @case.Channel.ToString());
        Assert.Equal("13912345678", @case.ReporterPhone); // kept for staff
    }

    [Fact]
    public async Task TrackWithUnknownToken_Is404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await city.Anonymous.GetAsync("/api/public/track/" + new string('A', 43))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await city.Anonymous.GetAsync("/api/public/track/short")).StatusCode);
    }

    [Fact]
    public async Task AnonymousReport_IsTakenIn_WithoutKeepingTheContact()
    {
        var receipt = await city.PublicReport(CitizenReports.At(2, contact: CitizenReports.Contact, anonymous: true));

        await using var db = city.Db();
        var @case = await db.Cases.SingleAsync(c => c.Number == receipt.GetProperty("number").GetString());
        Assert.Null(@case.ReporterName);
        Assert.Null(@case.ReporterPhone);
        Assert.Null(@case.ReporterEmail);
        Assert.False(await db.NotificationOutbox.AnyAsync(m => m.CaseId == @case.Id)); // nobody to tell
        Assert.Equal("received", (await city.Track(receipt.GetProperty("trackingToken").GetString()!)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ReportWithFreeTextType_IsTakenInWithoutCatalogueType()
    {
        var receipt = await city.PublicReport(new
        {
            longitude = 110.3385, latitude = 20.0235, typeText = "路灯闪烁", description = "晚上路灯一直闪", anonymous = true,
        });
        await using var db = city.Db();
        var @case = await db.Cases.SingleAsync(c => c.Number == receipt.GetProperty("number").GetString());
        Assert.Null(@case.TypeCode);
        Assert.Equal("【路灯闪烁】晚上路灯一直闪", @case.Description);
    }

    [Theory]
    [InlineData("description", """{"longitude":110.33,"latitude":20.02,"kind":"matter","typeCode":"06010"}""")]
    [InlineData("latitude", """{"longitude":110.33,"latitude":"north","description":"x"}""")]
    [InlineData("longitude", """{"longitude":500,"latitude":20.02,"description":"x"}""")]
    [InlineData("typeCode", """{"longitude":110.33,"latitude":20.02,"kind":"matter","typeCode":"99999","description":"x"}""")]
    [InlineData("contact.email", """{"longitude":110.33,"latitude":20.02,"description":"x","contact":{"email":"not-an-address"}}""")]
    [InlineData("contact.phone", """{"longitude":110.33,"latitude":20.02,"description":"x","contact":{"phone":"123456789012345678901234567890123"}}""")]
    [InlineData("photos", """{"longitude":110.33,"latitude":20.02,"description":"x","photos":["a","b","c","d","e","f","g"]}""")]
    [InlineData("photos", """{"longitude":110.33,"latitude":20.02,"description":"x","photos":["0196b7a0-0000-7000-8000-000000000000"]}""")]
    [InlineData("crs", """{"longitude":110.33,"latitude":20.02,"description":"x","crs":"mars"}""")]
    [InlineData("body", """[1,2,3""")]
    public async Task BadReport_Is400_NamingTheField(string field, string body)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        await using var db = city.Db();
        var before = await db.Cases.CountAsync();

        var response = await city.Anonymous.PostAsync("/api/public/reports", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        Assert.Equal(before, await db.Cases.CountAsync());
    }

    [Fact]
    public async Task ReportOver64KB_Is413_NamingTheBody_AndCreatesNothing()
    {
        await using var db = city.Db();
        var before = await db.Cases.CountAsync();

        var response = await city.TryPublicReport(new { longitude = 110.33, latitude = 20.02, description = new string('x', 70_000) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _), problem.GetRawText());
        Assert.Equal(before, await db.Cases.CountAsync());
    }

    [Fact]
    public async Task RepeatedReportOfTheSameProblem_IsLinked_AndGetsATokenForTheExistingCase()
    {
        var first = await city.PublicReport(CitizenReports.At(3, type: "07001", description: "第一位市民"));
        var second = await city.TryPublicReport(CitizenReports.At(3, type: "07001", description: "第二位市民"));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var linked = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("linked_to_existing", linked.GetProperty("outcome").GetString());
        Assert.Equal(first.GetProperty("number").GetString(), linked.GetProperty("number").GetString());
        var token = linked.GetProperty("trackingToken").GetString()!;
        Assert.NotEqual(first.GetProperty("trackingToken").GetString(), token);
        var view = await city.Track(token);
        Assert.Equal(first.GetProperty("number").GetString(), view.GetProperty("number").GetString());
        Assert.Equal(["report", "link_duplicate"], view.GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task SameIdempotencyKey_ReturnsTheSameCase_AndADifferentBodyIs422()
    {
        var photo = await city.UploadPublicPhoto();
        var report = CitizenReports.At(4, type: "06010", photos: [photo]);
        var first = await city.PublicReport(report, "key-public-4");
        var again = await city.PublicReport(report, "key-public-4");

        Assert.Equal("replayed", again.GetProperty("outcome").GetString());
        Assert.Equal(first.GetProperty("number").GetString(), again.GetProperty("number").GetString());
        Assert.Equal(first.GetProperty("number").GetString(), (await city.Track(again.GetProperty("trackingToken").GetString()!)).GetProperty("number").GetString());
        var other = await city.TryPublicReport(CitizenReports.At(4, type: "06010", description: "另一件事"), "key-public-4");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
    }

    [Fact]
    public async Task UploadThatIsNotAnImage_Is400NamingTheFile()
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent("<html>hello</html>"u8.ToArray()), "file", "photo.jpg" } };
        var response = await city.Anonymous.PostAsync("/api/public/photos", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task PhotoAlreadyUsedByAnotherReport_IsRefused()
    {
        var photo = await city.UploadPublicPhoto();
        await city.PublicReport(CitizenReports.At(5, type: "06010", photos: [photo]));
        var reused = await city.TryPublicReport(CitizenReports.At(6, type: "06010", photos: [photo]));
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.True((await reused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("photos", out _));
    }
}

public sealed class SqlitePublicReportTests(SqliteCity city) : PublicReportTests<SqliteTestDatabase>(city), IClassFixture<SqliteCity>;

public sealed class PostgresPublicReportTests(PostgresCity city) : PublicReportTests<PostgresTestDatabase>(city), IClassFixture<PostgresCity>;
