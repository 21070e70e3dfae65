using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Cases;

/// <summary>Data scope (404) and rights (403) on every case endpoint, and refusals of steps not allowed now (409).</summary>
public sealed class CaseAccessTests(SqliteCity city) : IClassFixture<SqliteCity>
{
    private async Task<long> CaseInXiuyingAsync()
    {
        var (lon, lat) = await city.PointInXiuying();
        var created = await city.Report("operator", Reports.At("06013", lon, lat, "秀英区道路破损"));
        return created.GetProperty("id").GetInt64();
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/history")]
    [InlineData("GET", "/transitions")]
    [InlineData("POST", "/transitions")]
    [InlineData("GET", "/attachments")]
    [InlineData("POST", "/attachments")]
    [InlineData("GET", "/attachments/0196b7c0-0000-7000-8000-000000000000")]
    public async Task DistrictDispatcher_GetsNotFound_ForACaseInAnotherDistrict_OnEveryEndpoint(string method, string path)
    {
        var id = await CaseInXiuyingAsync();
        var client = await city.SignInAs("dispatcher.longhua");
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/cases/{id}{path}");
        if (method == "POST")
        {
            request.Content = path == "/attachments"
                ? new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "a.jpg" } }
                : JsonContent.Create(new { action = "dispatch" });
        }
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var inScope = await (await city.SignInAs("dispatcher")).GetAsync($"/api/v1/cases/{id}");
        Assert.Equal(HttpStatusCode.OK, inScope.StatusCode);
    }

    [Fact]
    public async Task DistrictDispatcher_ListsOnlyTheirDistrict()
    {
        await CaseInXiuyingAsync();
        await city.Report("operator", Reports.At("06042", description: "龙华区垃圾站满溢"));
        var page = await (await city.SignInAs("dispatcher.longhua")).GetFromJsonAsync<JsonElement>("/api/v1/cases?pageSize=200");
        var districts = page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("districtCode").GetString()).Distinct().ToList();
        Assert.Equal(["460106"], districts);
    }

    [Fact]
    public async Task DepartmentHandler_SeesOnlyCasesDispatchedToTheirDepartment()
    {
        var created = await city.Report("operator", Reports.At("06010", description: "垃圾 for huanwei"));
        var id = created.GetProperty("id").GetInt64();
        var before = await (await city.SignInAs("handler.huanwei")).GetAsync($"/api/v1/cases/{id}");
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        await city.Step("operator", id, new { action = "register" });
        await city.Step("dispatcher", id, new { action = "dispatch" });
        var after = await (await city.SignInAs("handler.huanwei")).GetAsync($"/api/v1/cases/{id}");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var other = await (await city.SignInAs("handler.yuanlin")).GetAsync($"/api/v1/cases/{id}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task StepNotAllowedNow_Is409_ListingTheAllowedActions()
    {
        var id = (await city.Report("operator", Reports.At("06001", description: "私搭乱建 409"))).GetProperty("id").GetInt64();
        var response = await city.TryStep("shiftlead", id, new { action = "close" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["classify", "request_verification", "register", "reject", "void"],
            problem.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task StepWithoutTheRole_Is403_AndLeavesTheCaseAlone()
    {
        var id = (await city.Report("operator", Reports.At("06001", description: "私搭乱建 403"))).GetProperty("id").GetInt64();
        var response = await city.TryStep("leader", id, new { action = "register" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var fresh = await (await city.SignInAs("operator")).GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}");
        Assert.Equal("Reported", fresh.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("""{"action":"teleport"}""", "action")]
    [InlineData("""{"action":"reject"}""", "note")]
    [InlineData("""{"action":"classify","kind":"matter","typeCode":"99999"}""", "typeCode")]
    public async Task StepWithBadInput_Is400NamingTheField(string json, string field)
    {
        var id = (await city.Report("operator", Reports.At("06001", description: "私搭乱建 400"))).GetProperty("id").GetInt64();
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var response = await (await city.SignInAs("operator")).PostAsync($"/api/v1/cases/{id}/transitions", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StepWithMalformedJson_Is400ProblemDetails_Not500()
    {
        var id = (await city.Report("operator", Reports.At("06001", description: "私搭乱建 json"))).GetProperty("id").GetInt64();
        using var content = new StringContent("{\"action\": ", System.Text.Encoding.UTF8, "application/json");
        var response = await (await city.SignInAs("operator")).PostAsync($"/api/v1/cases/{id}/transitions", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task RoutingRule_ForTheTypeAndStreet_DecidesTheSuggestedDepartment()
    {
        var created = await city.Report("operator", Reports.At("09011", description: "共享单车乱停 routing"));
        var id = created.GetProperty("id").GetInt64();
        await city.Step("operator", id, new { action = "register" });
        // A department with people to act (one without active users is never suggested), not the usual one for the type.
        var transport = await city.DepartmentOf("handler.yuanlin");
        await using (var db = city.Db())
        {
            db.RoutingRules.Add(new Domain.Catalogue.RoutingRule
            {
                CityCode = "460100", Kind = Domain.Catalogue.CatalogueKind.Matter, TypeCode = "09011",
                AreaCode = created.GetProperty("streetCode").GetString(), DepartmentId = transport,
            });
            await db.SaveChangesAsync();
        }
        var options = await (await city.SignInAs("dispatcher")).GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/transitions");
        Assert.Equal(transport, options.GetProperty("suggestedDepartmentId").GetInt32());
        var dispatched = await city.Step("dispatcher", id, new { action = "dispatch" });
        Assert.Equal(transport, dispatched.GetProperty("departmentId").GetInt32());
    }

    [Fact]
    public async Task UnknownRoute_ForASignedInCaller_Is404ProblemDetails()
    {
        var response = await (await city.SignInAs("operator")).GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task WithoutAToken_EveryCaseEndpointIs401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await city.Anonymous.GetAsync("/api/v1/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await city.Anonymous.PostAsJsonAsync("/api/v1/cases", Reports.At())).StatusCode);
    }

    [Fact]
    public async Task ReportingAsACitizenThroughTheStaffApi_IsForbidden()
    {
        var response = await city.TryReport("operator", Reports.At(channel: "Citizen"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Filters_ByStatusStageAndText_AndBadFiltersName400()
    {
        var created = await city.Report("operator", Reports.At("10002", description: "架空线缆脱落 filter-me"));
        var client = await city.SignInAs("dispatcher");
        var found = await client.GetFromJsonAsync<JsonElement>("/api/v1/cases?q=filter-me&status=reported&stage=intake&light=green");
        Assert.Equal(created.GetProperty("id").GetInt64(), found.GetProperty("items")[0].GetProperty("id").GetInt64());
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        var bad = await client.GetAsync("/api/v1/cases?light=purple&pageSize=1000");
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("light", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("pageSize", out _));
    }
}
