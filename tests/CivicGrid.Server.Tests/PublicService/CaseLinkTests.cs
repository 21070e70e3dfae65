using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Domain.Notifications;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.PublicService;

/// <summary>Nobody loses a case (issue 17 item 4): the short link, the look-up by number and phone digits, the link in
/// the messages, following a case.</summary>
public abstract class CaseLinkTests<TDatabase>(CityHost<TDatabase> city) where TDatabase : TestDatabase, new()
{
    private const string PublicBaseUrl = LinkCity.PublicBaseUrl;

    [Fact]
    public async Task TheReceivedMessage_CarriesTheShortLink_AndTheShortLinkLeadsToTheCase()
    {
        var receipt = await city.PublicReport(CitizenReports.At(20, contact: CitizenReports.Contact));
        var number = receipt.GetProperty("number").GetString()!;
        var id = await city.CaseIdOf(number);
        await using var db = city.Db();
        var code = await db.CaseShortLinks.Where(l => l.CaseId == id).Select(l => l.Code).SingleAsync();
        var message = await db.NotificationOutbox.AsNoTracking().SingleAsync(m => m.CaseId == id);
        Assert.Contains($"{PublicBaseUrl}/t/{code}", message.Text, StringComparison.Ordinal);
        Assert.Contains(number, message.Text, StringComparison.Ordinal);
        Assert.Equal(16, code.Length);

        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = city.Anonymous.BaseAddress };
        var shortLink = await noRedirects.GetAsync($"/t/{code}");
        Assert.Equal(HttpStatusCode.Redirect, shortLink.StatusCode);
        Assert.Equal($"/public/track/{code}", shortLink.Headers.Location?.OriginalString);
        var page = await city.Anonymous.GetStringAsync($"/t/{code}");
        Assert.Contains(number, page, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", page, StringComparison.Ordinal);
        Assert.Equal(number, (await city.Track(code)).GetProperty("number").GetString());

        var unknown = await city.Anonymous.GetStringAsync($"/t/{new string('a', 16)}");
        Assert.Contains("查询链接无效", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookUp_WithTheRightDigitsFindsTheCase_WrongDigitsAndUnknownNumbersGetTheSameAnswer()
    {
        var number = (await city.PublicReport(CitizenReports.At(21, contact: CitizenReports.Contact))).GetProperty("number").GetString()!;

        var found = await city.Anonymous.PostAsJsonAsync("/api/public/lookup", new { number = number.ToLowerInvariant(), phoneLastFour = "5678" });
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var link = (await found.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("link").GetString()!;
        Assert.Matches("^/t/[0-9a-z]{16}$", link);
        Assert.Contains(number, await city.Anonymous.GetStringAsync(link), StringComparison.Ordinal);

        var wrong = await city.Anonymous.PostAsJsonAsync("/api/public/lookup", new { number, phoneLastFour = "1234" });
        var unknown = await city.Anonymous.PostAsJsonAsync("/api/public/lookup", new { number = "HK9999999999999", phoneLastFour = "5678" });
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(await WithoutTraceAsync(wrong), await WithoutTraceAsync(unknown));

        var malformed = await city.Anonymous.PostAsJsonAsync("/api/public/lookup", new { number, phoneLastFour = "56" });
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.True((await malformed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("phoneLastFour", out _));
    }

    /// <summary>The answer's body without its per-request trace id.</summary>
    private static async Task<string> WithoutTraceAsync(HttpResponseMessage response)
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.True(body.Remove("traceId"));
        return body.ToJsonString();
    }

    [Fact]
    public async Task ANumberTriedWithWrongDigitsTooOften_AnswersNoMatch_EvenToTheRightDigits()
    {
        var number = (await city.PublicReport(CitizenReports.At(22, contact: CitizenReports.Contact))).GetProperty("number").GetString()!;
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await city.Anonymous.PostAsJsonAsync("/api/public/lookup", new { number, phoneLastFour = $"000{i}" })).StatusCode);

        var right = await city.Anonymous.PostAsJsonAsync("/api/public/lookup", new { number, phoneLastFour = "5678" });
        Assert.Equal(HttpStatusCode.NotFound, right.StatusCode);
        city.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, (await city.Anonymous.PostAsJsonAsync("/api/public/lookup", new { number, phoneLastFour = "5678" })).StatusCode);
    }

    [Fact]
    public async Task AFollower_GetsTheNextMessages_WithTheLink()
    {
        var receipt = await city.PublicReport(CitizenReports.At(23)); // no contact: only the follower is told
        var token = receipt.GetProperty("trackingToken").GetString()!;
        var id = await city.CaseIdOf(receipt.GetProperty("number").GetString()!);

        var noContact = await city.Anonymous.PostAsJsonAsync($"/api/public/track/{token}/followers", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noContact.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await city.Anonymous.PostAsJsonAsync($"/api/public/track/{token}/followers", new { email = "li@example.cn" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await city.Anonymous.PostAsJsonAsync($"/api/public/track/{token}/followers", new { email = "li@example.cn" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await city.Anonymous.PostAsJsonAsync($"/api/public/track/{new string('a', 43)}/followers", new { phone = "13800001111" })).StatusCode);

        await city.Step("operator", id, new { action = "request_verification" });
        await city.Step("inspector", id, new { action = "verify", confirmed = true });
        await city.Step("operator", id, new { action = "register" });

        await using var db = city.Db();
        var message = await db.NotificationOutbox.AsNoTracking().SingleAsync(m => m.CaseId == id);
        Assert.Equal(("li@example.cn", NotificationChannel.Email), (message.Recipient, message.Channel));
        Assert.Contains("您关注的问题", message.Text, StringComparison.Ordinal);
        Assert.Contains("已立案", message.Text, StringComparison.Ordinal);
        // A follower is told where to look, but gets the public case page, never the reporter's private link.
        Assert.Contains($"{PublicBaseUrl}/public/cases/{receipt.GetProperty("number").GetString()}", message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/t/", message.Text, StringComparison.Ordinal);
    }

    /// <summary>"我也遇到了" (issue 17): anyone may follow an open case by its number from the public case page instead of
    /// reporting the same problem again; the messages they get carry the public page, never the reporter's link.</summary>
    [Fact]
    public async Task SomeoneWithTheSameProblem_FollowsTheOpenCaseByItsNumber_UntilItIsClosed()
    {
        var receipt = await city.PublicReport(CitizenReports.At(24, contact: CitizenReports.Contact));
        var number = receipt.GetProperty("number").GetString()!;
        var id = await city.CaseIdOf(number);

        var invalid = await city.Anonymous.PostAsJsonAsync($"/api/public/cases/{number}/followers", new { phone = "12" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True((await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("phone", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await city.Anonymous.PostAsJsonAsync("/api/public/cases/HK0000000000000/followers", new { phone = "13800002222" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await city.Anonymous.PostAsJsonAsync($"/api/public/cases/{number}/followers", new { phone = "138 0000 2222" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await city.Anonymous.PostAsJsonAsync($"/api/public/cases/{number}/followers", new { phone = "13800002222" })).StatusCode);
        await using (var db = city.Db()) Assert.Equal("13800002222", (await db.CaseFollowers.SingleAsync(f => f.CaseId == id)).Recipient);

        await city.CloseThroughWorkflow(id);
        await using (var db = city.Db())
        {
            var code = await db.CaseShortLinks.Where(l => l.CaseId == id).Select(l => l.Code).SingleAsync();
            var told = await db.NotificationOutbox.AsNoTracking().Where(m => m.CaseId == id && m.Recipient == "13800002222").Select(m => m.Text).ToListAsync();
            Assert.Contains(told, t => t.Contains("已办结", StringComparison.Ordinal));
            Assert.All(told, t => Assert.Contains($"{PublicBaseUrl}/public/cases/{number}", t, StringComparison.Ordinal));
            Assert.All(told, t => Assert.DoesNotContain(code, t, StringComparison.Ordinal));
            var reporter = await db.NotificationOutbox.AsNoTracking().Where(m => m.CaseId == id && m.Recipient == "13912345678").Select(m => m.Text).ToListAsync();
            Assert.Contains(reporter, t => t.Contains($"{PublicBaseUrl}/t/{code}", StringComparison.Ordinal)); // the reporter keeps theirs
        }
        var late = await city.Anonymous.PostAsJsonAsync($"/api/public/cases/{number}/followers", new { email = "late@example.cn" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("application/problem+json", late.Content.Headers.ContentType?.MediaType);
    }
}

/// <summary>The demo city with a public address for the links in messages.</summary>
public static class LinkCity
{
    public const string PublicBaseUrl = "https://city.example.cn";

    public static CityOptions Options { get; } = CityOptions.DemoCity.With($"--Notifications:PublicBaseUrl={PublicBaseUrl}");
}

public sealed class SqliteLinkCity() : CityHost<SqliteTestDatabase>(LinkCity.Options);

public sealed class PostgresLinkCity() : CityHost<PostgresTestDatabase>(LinkCity.Options);

public sealed class SqliteCaseLinkTests(SqliteLinkCity city) : CaseLinkTests<SqliteTestDatabase>(city), IClassFixture<SqliteLinkCity>;

public sealed class PostgresCaseLinkTests(PostgresLinkCity city) : CaseLinkTests<PostgresTestDatabase>(city), IClassFixture<PostgresLinkCity>;
