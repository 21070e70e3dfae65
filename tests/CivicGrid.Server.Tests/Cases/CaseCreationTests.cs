using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Features.Cases;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Cases;

public sealed class CaseCreationTests(SqliteCity city) : IClassFixture<SqliteCity>
{
    [Fact]
    public async Task SameIdempotencyKeyAndBody_ReturnsTheSameCase()
    {
        var report = Reports.At("06041", description: "垃圾未分类投放 idem-1");
        var first = await city.TryReport("operator", report, "key-same-body");
        var second = await city.TryReport("operator", report, "key-same-body");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var a = await first.Content.ReadFromJsonAsync<JsonElement>();
        var b = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(a.GetProperty("case").GetProperty("number").GetString(), b.GetProperty("case").GetProperty("number").GetString());
        Assert.Equal("replayed", b.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task SameIdempotencyKeyWithADifferentBody_Is422()
    {
        Assert.Equal(HttpStatusCode.Created, (await city.TryReport("operator", Reports.At("06027", description: "油烟 idem-2"), "key-other-body")).StatusCode);
        var second = await city.TryReport("operator", Reports.At("06027", description: "油烟扰民 changed"), "key-other-body");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SameIdempotencyKeyWhileTheFirstRequestIsInFlight_Is409()
    {
        var me = await (await city.SignInAs("operator")).GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        var gate = city.Services.GetRequiredService<Idempotency>();
        using (gate.TryEnter($"user:{me.GetProperty("id").GetInt32()}", "key-in-flight"))
        {
            var response = await city.TryReport("operator", Reports.At("06028", description: "噪声 idem-3"), "key-in-flight");
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        }
        var after = await city.TryReport("operator", Reports.At("06028", description: "噪声 idem-3"), "key-in-flight");
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
    }

    [Fact]
    public async Task ReportOfTheSameTypeNearAnOpenCase_IsLinkedToIt_AndGetsItsNumber()
    {
        var first = await city.Report("operator", Reports.At("06040", description: "私设地锁 1"));
        var near = await city.TryReport("inspector", Reports.At("06040", lon: first.GetProperty("longitude").GetDouble() + 0.0001, description: "私设地锁 again"));
        Assert.Equal(HttpStatusCode.OK, near.StatusCode);
        var body = await near.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("linked_to_existing", body.GetProperty("outcome").GetString());
        Assert.Equal(first.GetProperty("number").GetString(), body.GetProperty("case").GetProperty("number").GetString());
        var history = await (await city.SignInAs("operator")).GetFromJsonAsync<JsonElement[]>($"/api/v1/cases/{first.GetProperty("id").GetInt64()}/history");
        Assert.Equal("link_duplicate", history![^1].GetProperty("action").GetString());
    }

    [Fact]
    public async Task ReportOfAnotherType_OrFarAway_IsANewCase()
    {
        var first = await city.Report("operator", Reports.At("06029", description: "露天烧烤"));
        var otherType = await city.Report("operator", Reports.At("09006", description: "占道经营"));
        var far = await city.Report("operator", Reports.At("06029", lon: first.GetProperty("longitude").GetDouble() + 0.01, description: "露天烧烤 far"));
        Assert.NotEqual(first.GetProperty("number").GetString(), otherType.GetProperty("number").GetString());
        Assert.NotEqual(first.GetProperty("number").GetString(), far.GetProperty("number").GetString());
    }

    [Theory]
    [InlineData("""{"description":"","latitude":20.02,"longitude":110.33}""", "description")]
    [InlineData("""{"description":"x","longitude":110.33}""", "latitude")]
    [InlineData("""{"description":"x","latitude":20.02,"longitude":200}""", "longitude")]
    [InlineData("""{"description":"x","latitude":20.2,"longitude":110.3}""", "latitude")]
    [InlineData("""{"description":"x","latitude":20.02,"longitude":110.33,"crs":"utm"}""", "crs")]
    [InlineData("""{"description":"x","latitude":20.02,"longitude":110.33,"kind":"matter","typeCode":"99999"}""", "typeCode")]
    [InlineData("""{"description":"x","latitude":20.02,"longitude":110.33,"componentId":"123"}""", "componentId")]
    [InlineData("""{"description":"x","latitude":20.02,"longitude":110.33,"channel":"Telepathy"}""", "channel")]
    [InlineData("""{"description":"x","latitude":"north"}""", "latitude")]
    [InlineData("""not json""", "body")]
    public async Task BadReport_Is400NamingTheField_AndCreatesNothing(string json, string field)
    {
        await using var db = city.Db();
        var before = db.Cases.Count();
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var response = await (await city.SignInAs("operator")).PostAsync("/api/v1/cases", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
        Assert.Equal(before, db.Cases.Count());
    }

    [Fact]
    public async Task HugeReport_Is413_AndCreatesNothing()
    {
        await using var db = city.Db();
        var before = db.Cases.Count();
        var response = await city.TryReport("operator", new { description = new string('x', 70_000), latitude = 20.02, longitude = 110.33 });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, db.Cases.Count());
    }

    [Fact]
    public async Task Gcj02Position_IsStoredAsWgs84()
    {
        // The centre point converted to GCJ-02 lies ~500 m away; stored back as WGS-84 it must be within a metre.
        var centre = CivicGrid.Server.Seeding.DemoCity.CentrePoint;
        var gcj = Domain.Geography.CoordinateConverter.Wgs84ToGcj02(new Domain.Geography.GeoPoint(centre.Longitude, centre.Latitude));
        var created = await city.Report("operator", new { description = "道路破损 gcj", kind = "matter", typeCode = "06013", longitude = gcj.Longitude, latitude = gcj.Latitude, crs = "gcj02" });
        Assert.Equal(centre.Longitude, created.GetProperty("longitude").GetDouble(), 5);
        Assert.Equal(centre.Latitude, created.GetProperty("latitude").GetDouble(), 5);
    }

    [Fact]
    public async Task CaseNumbers_AreUniqueAndIncreaseWithinTheDay()
    {
        var a = await city.Report("operator", Reports.At("07001", description: "小广告 a"));
        var b = await city.Report("operator", Reports.At("07003", description: "户外广告 b"));
        Assert.True(string.CompareOrdinal(a.GetProperty("number").GetString(), b.GetProperty("number").GetString()) < 0);
        Assert.StartsWith("HK20261126", a.GetProperty("number").GetString());
    }

    [Fact]
    public async Task ABurstOfTheSameReport_MakesOneCase_AndLinksEveryOtherToIt()
    {
        var reports = Enumerable.Range(0, 12).Select(i => Reports.At("09009", description: $"机动车乱停放 burst {i}")).ToArray();
        var responses = await Task.WhenAll(reports.Select(r => city.TryReport("operator", r)));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<JsonElement>()));

        Assert.Single(bodies, b => b.GetProperty("outcome").GetString() == "created");
        Assert.Equal(11, bodies.Count(b => b.GetProperty("outcome").GetString() == "linked_to_existing"));
        Assert.Single(bodies.Select(b => b.GetProperty("case").GetProperty("number").GetString()).Distinct());
        var id = bodies[0].GetProperty("case").GetProperty("id").GetInt64();
        var history = await (await city.SignInAs("operator")).GetFromJsonAsync<JsonElement[]>($"/api/v1/cases/{id}/history");
        Assert.Equal(11, history!.Count(e => e.GetProperty("action").GetString() == "link_duplicate"));
        Assert.Equal(Enumerable.Range(1, 12), history!.Select(e => e.GetProperty("sequence").GetInt32()));
    }

    [Fact]
    public async Task ABurstOfDifferentReports_GetsConsecutiveNumbers_AndEveryOneIsCounted()
    {
        long ReportedToday(CivicGrid.Data.CivicGridDbContext db) => db.EvaluationRollups
            .Where(r => r.SubjectKind == CivicGrid.Domain.Evaluation.EvaluationSubjectKind.District && r.BucketKind == CivicGrid.Domain.Evaluation.EvaluationBucketKind.Day)
            .Sum(r => (long)r.Reported);
        long before;
        await using (var db = city.Db()) before = ReportedToday(db);

        // Far enough apart (~70 m) not to be one problem; sent at once, so the writer takes several in one commit.
        var centre = CivicGrid.Server.Seeding.DemoCity.CentrePoint;
        var reports = Enumerable.Range(0, 20).Select(i => Reports.At("09005", lon: centre.Longitude + (i - 10) * 0.0007, description: $"店外经营 burst {i}"));
        var responses = await Task.WhenAll(reports.Select(r => city.TryReport("operator", r)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = (await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<JsonElement>())))
            .Select(b => b.GetProperty("case").GetProperty("number").GetString()!).Order(StringComparer.Ordinal).ToArray();

        var sequences = numbers.Select(n => int.Parse(n[^5..], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(Enumerable.Range(sequences[0], 20), sequences);
        await using (var db = city.Db()) Assert.Equal(before + 20, ReportedToday(db));
    }
}
