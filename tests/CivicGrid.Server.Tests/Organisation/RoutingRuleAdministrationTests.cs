using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Tests.Cases;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Organisation;

/// <summary>Administrators keep the dispatch routing rules through <c>/api/v1/routing-rules</c>, and dispatch follows
/// them; others are refused, bad input names its field, a second rule for the same type and area conflicts.</summary>
public abstract class RoutingRuleAdministrationTests<TDatabase>(CityHost<TDatabase> city) where TDatabase : TestDatabase, new()
{
    [Fact]
    public async Task ARuleAddedThroughTheApi_DecidesTheSuggestedDepartment_AndIsChangedAndDeleted()
    {
        var admin = await city.SignInAs("admin");
        // Departments people work in (routing suggests no department without active users): 龙华区园林所 and 龙华区市政养护队.
        var (transport, sanitation) = (await DepartmentAsync(admin, "HK-YL-460106"), await DepartmentAsync(admin, "HK-SZ-460106"));
        var created = await city.Report("operator", Reports.At("09011", description: "共享单车乱停 routing api"));
        var caseId = created.GetProperty("id").GetInt64();
        await city.Step("operator", caseId, new { action = "register" });
        var street = created.GetProperty("streetCode").GetString();

        var added = await admin.PostAsJsonAsync("/api/v1/routing-rules", new { kind = "matter", typeCode = "09011", areaCode = street, departmentId = transport });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var rule = await added.Content.ReadFromJsonAsync<JsonElement>();
        var id = rule.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/routing-rules/{id}", added.Headers.Location?.OriginalString);
        Assert.Equal(transport, await SuggestedAsync(caseId));

        var changed = await admin.PutAsJsonAsync($"/api/v1/routing-rules/{id}",
            new { kind = "matter", typeCode = "09011", areaCode = street, departmentId = sanitation, priority = 5 });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var fetched = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/routing-rules/{id}");
        Assert.Equal((sanitation, 5, "matter"), (fetched.GetProperty("departmentId").GetInt32(), fetched.GetProperty("priority").GetInt32(), fetched.GetProperty("kind").GetString()));
        Assert.Contains((await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/routing-rules"))!, r => r.GetProperty("id").GetInt32() == id);
        Assert.Equal(sanitation, await SuggestedAsync(caseId));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/routing-rules/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/routing-rules/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/routing-rules/{id}")).StatusCode);
    }

    [Fact]
    public async Task BadRuleInput_NamesTheField_AndASecondRuleForTheSameTypeAndAreaConflicts()
    {
        var admin = await city.SignInAs("admin");
        var sanitation = await DepartmentAsync(admin, "HK-HW");
        await AssertFieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/routing-rules", new { kind = "matter", typeCode = "99999", departmentId = sanitation }), "typeCode");
        await AssertFieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/routing-rules", new { kind = "planet", typeCode = "06010", departmentId = sanitation }), "typeCode");
        await AssertFieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/routing-rules", new { areaCode = "4601", departmentId = sanitation }), "areaCode");
        await AssertFieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/routing-rules", new { areaCode = "999999", departmentId = sanitation }), "areaCode");
        await AssertFieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/routing-rules", new { areaCode = "460105" }), "departmentId");
        await AssertFieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/routing-rules", new { areaCode = "460105", departmentId = 999999 }), "departmentId");

        var first = await admin.PostAsJsonAsync("/api/v1/routing-rules", new { kind = "matter", typeCode = "06010", areaCode = "460105", departmentId = sanitation });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var second = await admin.PostAsJsonAsync("/api/v1/routing-rules", new { kind = "matter", typeCode = "06010", areaCode = "460105", departmentId = sanitation, priority = 3 });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.True((await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("areaCode", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/v1/routing-rules/999999", new { departmentId = sanitation })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/routing-rules/{(await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32()}")).StatusCode);
    }

    [Fact]
    public async Task NonAdministrators_AreRefusedTheRoutingRuleApi()
    {
        var dispatcher = await city.SignInAs("dispatcher");
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.GetAsync("/api/v1/routing-rules")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsJsonAsync("/api/v1/routing-rules", new { areaCode = "460105", departmentId = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.DeleteAsync("/api/v1/routing-rules/1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await city.Anonymous.GetAsync("/api/v1/routing-rules")).StatusCode);
    }

    private async Task<int> SuggestedAsync(long caseId)
    {
        var options = await (await city.SignInAs("dispatcher")).GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/transitions");
        Assert.True(options.GetProperty("suggestedDepartmentId").ValueKind == JsonValueKind.Number, options.ToString());
        return options.GetProperty("suggestedDepartmentId").GetInt32();
    }

    private static async Task<int> DepartmentAsync(HttpClient admin, string code) =>
        (await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/departments"))!.Single(d => d.GetProperty("code").GetString() == code).GetProperty("id").GetInt32();

    private static Task AssertFieldErrorAsync(HttpResponseMessage response, string field) =>
        UserAdministrationTests<TDatabase>.AssertFieldErrorAsync(response, field);
}

public sealed class SqliteRoutingRuleAdministrationTests(SqliteCity city) : RoutingRuleAdministrationTests<SqliteTestDatabase>(city), IClassFixture<SqliteCity>;

public sealed class PostgresRoutingRuleAdministrationTests(PostgresCity city)
    : RoutingRuleAdministrationTests<PostgresTestDatabase>(city), IClassFixture<PostgresCity>;
