using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Seeding;
using CivicGrid.Server.Tests.Cases;
using CivicGrid.Server.Tests.Infrastructure;
using CivicGrid.Server.Tests.Open311;

namespace CivicGrid.Server.Tests.Catalogue;

/// <summary>Every type that intake offers (Open311 services, the catalogue's type list, the staff and public pickers)
/// has a case standard (立结案标准), so a report of it can be registered; a type without one is not offered.</summary>
public abstract class CaseStandardCoverageTests<TDatabase>(CityHost<TDatabase> city) where TDatabase : TestDatabase, new()
{
    [Fact]
    public async Task ComponentReport_ThroughOpen311_CanBeRegistered()
    {
        var answer = await city.Open311Submit(Forms.Report("C01003", description: "雨水井盖缺失"));
        var number = answer.GetProperty("service_request_id").GetString()!;
        var operatorClient = await city.SignInAs("operator");
        var found = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/v1/cases?q={number}");
        var id = found.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("number").GetString() == number).GetProperty("id").GetInt64();

        var registered = await operatorClient.PostAsJsonAsync($"/api/v1/cases/{id}/transitions", new { action = "register", note = "属实" });

        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ComponentReport_ThroughTheStaffApi_CanBeRegisteredAndDispatched()
    {
        var operatorClient = await city.SignInAs("operator");
        var report = new
        {
            description = "路灯不亮", kind = "component", typeCode = "01037",
            longitude = DemoCity.CentrePoint.Longitude, latitude = DemoCity.CentrePoint.Latitude,
        };
        var created = await operatorClient.PostAsJsonAsync("/api/v1/cases", report);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("case").GetProperty("id").GetInt64();

        var registered = await operatorClient.PostAsJsonAsync($"/api/v1/cases/{id}/transitions", new { action = "register" });
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        var dispatched = await (await city.SignInAs("dispatcher")).PostAsJsonAsync($"/api/v1/cases/{id}/transitions", new { action = "dispatch" });
        Assert.True(dispatched.IsSuccessStatusCode, await dispatched.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EveryOpen311Service_HasACaseStandard()
    {
        var services = (await city.Open311Json("/open311/v2/services.json")).EnumerateArray()
            .Select(s => s.GetProperty("service_code").GetString()!).ToList();
        Assert.Contains("C01003", services);
        Assert.Contains("M06010", services);
        foreach (var code in services)
        {
            var kind = code[0] == 'C' ? "component" : "matter";
            var detail = await city.Open311Json($"/api/v1/catalogue/types/{kind}/{code[1..]}");
            Assert.True(detail.GetProperty("standard").ValueKind == JsonValueKind.Object, $"{code} is offered without a case standard");
        }
    }

    [Fact]
    public async Task TypeWithoutAStandard_IsNotOffered_UntilItHasOne()
    {
        var admin = await city.SignInAs("admin");
        var created = await admin.PostAsJsonAsync("/api/v1/catalogue/types",
            new { kind = "matter", code = "80091", name = "蚊蝇孳生点", nameEn = "Mosquito breeding spot", isExtension = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.False((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isOffered").GetBoolean());

        Assert.DoesNotContain("M80091", await ServiceCodesAsync());
        Assert.DoesNotContain(await TypeCodesAsync(), c => c == "80091");
        Assert.Equal(HttpStatusCode.BadRequest, (await city.TryOpen311Submit(Forms.Report("M80091"))).StatusCode);
        var staffReport = await (await city.SignInAs("operator")).PostAsJsonAsync("/api/v1/cases", new
        {
            kind = "matter", typeCode = "80091", longitude = DemoCity.CentrePoint.Longitude, latitude = DemoCity.CentrePoint.Latitude,
        });
        Assert.Equal(HttpStatusCode.BadRequest, staffReport.StatusCode);
        Assert.Contains("typeCode", await staffReport.Content.ReadAsStringAsync());

        var standard = await admin.PutAsJsonAsync("/api/v1/catalogue/types/matter/80091/standard", new
        {
            registrationCondition = "积水形成蚊蝇孳生地", closingCondition = "孳生地已清除", departmentRule = "DistrictOfCase",
            timeType = "work_day", timeLimitAmount = 3,
        });
        Assert.Equal(HttpStatusCode.OK, standard.StatusCode);
        Assert.Contains("M80091", await ServiceCodesAsync());
        Assert.Contains(await TypeCodesAsync(), c => c == "80091");
        Assert.True((await city.TryOpen311Submit(Forms.Report("M80091"))).IsSuccessStatusCode);
    }

    [Fact]
    public async Task NewTypeOfAStandardClass_StartsWithItsClassDefaultStandard()
    {
        var admin = await city.SignInAs("admin");
        var created = await admin.PostAsJsonAsync("/api/v1/catalogue/types", new { kind = "component", code = "02091", name = "路侧隔离墩" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isOffered").GetBoolean());

        var detail = await city.Open311Json("/api/v1/catalogue/types/component/02091");
        Assert.Equal("ComponentMaintainer", detail.GetProperty("standard").GetProperty("departmentRule").GetString());
        Assert.Contains("C02091", await ServiceCodesAsync());
    }

    private async Task<List<string>> ServiceCodesAsync() =>
        (await city.Open311Json("/open311/v2/services.json")).EnumerateArray().Select(s => s.GetProperty("service_code").GetString()!).ToList();

    private async Task<List<string>> TypeCodesAsync() =>
        (await city.Open311Json("/api/v1/catalogue/types?kind=matter")).EnumerateArray().Select(s => s.GetProperty("code").GetString()!).ToList();
}

public sealed class SqliteCaseStandardCoverageTests(SqliteCity city) : CaseStandardCoverageTests<SqliteTestDatabase>(city), IClassFixture<SqliteCity>;

public sealed class PostgresCaseStandardCoverageTests(PostgresCity city)
    : CaseStandardCoverageTests<PostgresTestDatabase>(city), IClassFixture<PostgresCity>;

/// <summary>A city installed without the demo gets the shipped standards too.</summary>
public sealed class NoDemoCaseStandardTests(EmptySqliteCity city) : IClassFixture<EmptySqliteCity>
{
    [Fact]
    public async Task InstallWithoutTheDemo_HasAStandardForEveryOfferedType()
    {
        var types = await city.Anonymous.GetFromJsonAsync<JsonElement[]>("/api/v1/catalogue/types");
        Assert.True(types!.Length > 90, $"only {types.Length} types offered");
        foreach (var type in types)
        {
            var path = $"/api/v1/catalogue/types/{type.GetProperty("kind").GetString()}/{type.GetProperty("code").GetString()}";
            var detail = await city.Anonymous.GetFromJsonAsync<JsonElement>(path);
            Assert.True(detail.GetProperty("standard").ValueKind == JsonValueKind.Object, $"{path} has no case standard");
        }
    }
}
