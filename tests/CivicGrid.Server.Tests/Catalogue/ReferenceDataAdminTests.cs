using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Features.Catalogue;
using CivicGrid.Server.Tests.Cases;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Catalogue;

/// <summary>Administrators change catalogue types, case standards and departments through the internal API; others
/// are refused, bad input names its field, duplicate codes conflict, and a new time limit governs later cases.
/// The class shares one server: each test adds its own types and departments, and only the time-limit test changes
/// a shipped standard (03005), which no other test of the class reads.</summary>
public sealed class ReferenceDataAdminTests(SqliteCity city) : IClassFixture<SqliteCity>
{
    [Fact]
    public async Task AddType_ThenRename_ThenDeactivate_ChangesWhatTheCatalogueShowsAndSignalsEachCommit()
    {
        var admin = await city.SignInAs("admin");
        var signals = 0;
        var changes = city.Services.GetRequiredService<ReferenceDataChanges>();
        changes.Changed += () => Interlocked.Increment(ref signals);

        var created = await admin.PostAsJsonAsync("/api/v1/catalogue/types",
            new { kind = "matter", code = "06901", name = "共享单车乱停放", nameEn = "Shared bikes parked badly", isExtension = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/catalogue/types/matter/06901", created.Headers.Location?.OriginalString);

        var renamed = await admin.PutAsJsonAsync("/api/v1/catalogue/types/matter/06901", new { name = "共享单车乱停乱放", isSensitive = true });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var body = await renamed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("共享单车乱停乱放", body.GetProperty("name").GetString());
        Assert.Equal("Shared bikes parked badly", body.GetProperty("nameEn").GetString());
        Assert.True(body.GetProperty("isSensitive").GetBoolean());
        var listed = await city.Anonymous.GetFromJsonAsync<JsonElement[]>("/api/v1/catalogue/types?kind=matter&q=共享单车");
        Assert.Contains(listed!, t => t.GetProperty("code").GetString() == "06901");

        await city.Report("operator", Reports.At("06901", description: "共享单车堵住盲道")); // the intake now knows the type as active

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/catalogue/types/matter/06901", new { isActive = false })).StatusCode);
        listed = await city.Anonymous.GetFromJsonAsync<JsonElement[]>("/api/v1/catalogue/types?kind=matter&q=共享单车");
        Assert.DoesNotContain(listed!, t => t.GetProperty("code").GetString() == "06901");
        var report = await city.TryReport("operator", Reports.At("06901"));
        Assert.Equal(HttpStatusCode.BadRequest, report.StatusCode); // an inactive type takes no new reports, at once
        Assert.True(signals >= 3, $"expected a change signal per commit, got {signals}");
    }

    [Fact]
    public async Task AddType_WithAnExistingCode_Conflicts_AndBadCodesNameTheField()
    {
        var admin = await city.SignInAs("admin");
        var duplicate = await admin.PostAsJsonAsync("/api/v1/catalogue/types", new { kind = "matter", code = "06010", name = "重复" });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.True((await duplicate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("code", out _));

        foreach (var code in new[] { "6010", "06a10", "00010", "06000" })
        {
            var bad = await admin.PostAsJsonAsync("/api/v1/catalogue/types", new { kind = "matter", code, name = "坏代码" });
            await AssertFieldErrorAsync(bad, "code");
        }
        await AssertFieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/catalogue/types", new { kind = "matter", code = "77001", name = "无大类" }), "code");
        await AssertFieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/catalogue/types", new { kind = "thing", code = "06902", name = "x" }), "kind");
        await AssertFieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/catalogue/types", new { kind = "matter", code = "06902", name = " " }), "name");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/v1/catalogue/types/matter/06999", new { name = "无" })).StatusCode);
    }

    [Fact]
    public async Task NonAdministrators_AreRefused_AndChangeNothing()
    {
        var dispatcher = await city.SignInAs("dispatcher");
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsJsonAsync("/api/v1/catalogue/types", new { kind = "matter", code = "06903", name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PutAsJsonAsync("/api/v1/catalogue/types/matter/06010/standard", Standard(5))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsJsonAsync("/api/v1/departments", Department("X-NEW"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.GetAsync("/api/v1/departments")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await city.Anonymous.PostAsJsonAsync("/api/v1/departments", Department("X-NEW"))).StatusCode);
        var type = await city.Anonymous.GetAsync("/api/v1/catalogue/types/matter/06903");
        Assert.Equal(HttpStatusCode.NotFound, type.StatusCode);
    }

    [Fact]
    public async Task CaseStandard_BadValues_NameTheirFields()
    {
        var admin = await city.SignInAs("admin");
        var response = await admin.PutAsJsonAsync("/api/v1/catalogue/types/matter/06010/standard", new
        {
            registrationCondition = "", closingCondition = "清运完毕", departmentRule = "Somewhere", timeType = "work_day", timeLimitAmount = 0,
        });
        var errors = await AssertFieldErrorAsync(response, "timeLimitAmount");
        Assert.True(errors.TryGetProperty("registrationCondition", out _));
        Assert.True(errors.TryGetProperty("departmentRule", out _));
        await AssertFieldErrorAsync(await admin.PutAsJsonAsync("/api/v1/catalogue/types/matter/06010/standard", Standard(2) with { timeType = "fortnight" }), "timeType");
        await AssertFieldErrorAsync(await admin.PutAsJsonAsync("/api/v1/catalogue/types/matter/06010/standard", Standard(400)), "timeLimitAmount");
        await AssertFieldErrorAsync(await admin.PutAsJsonAsync("/api/v1/catalogue/types/matter/06010/standard",
            Standard(2) with { departmentRule = "FixedDepartment", departmentId = null }), "departmentId");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/v1/catalogue/types/matter/06999/standard", Standard(2))).StatusCode);
    }

    [Fact]
    public async Task ChangedTimeLimit_GovernsTheHandlingDeadlineOfACaseReportedAfterwards()
    {
        var admin = await city.SignInAs("admin");
        var before = await ReportRegisterDispatchAsync("03005", "垃圾箱破损 before", null);
        Assert.Equal("work_day", before.GetProperty("deadline").GetProperty("limit").GetProperty("type").GetString());
        Assert.Equal(1, before.GetProperty("deadline").GetProperty("limit").GetProperty("amount").GetInt32());

        var saved = await admin.PutAsJsonAsync("/api/v1/catalogue/types/matter/03005/standard", Standard(3) with { timeType = "natural_day" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(3, (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("standard").GetProperty("timeLimitAmount").GetInt32());

        var elsewhere = await city.PointInXiuying(); // not a duplicate of the first report
        var after = await ReportRegisterDispatchAsync("03005", "垃圾箱破损 after", before.GetProperty("departmentId").GetInt32(), elsewhere);
        Assert.Equal("natural_day", after.GetProperty("deadline").GetProperty("limit").GetProperty("type").GetString());
        Assert.Equal(3, after.GetProperty("deadline").GetProperty("limit").GetProperty("amount").GetInt32());
        var dispatchedAt = after.GetProperty("updatedAt").GetDateTimeOffset();
        Assert.Equal(dispatchedAt.AddDays(3), after.GetProperty("deadline").GetProperty("dueAt").GetDateTimeOffset(), TimeSpan.FromSeconds(1));
        var detail = await city.Anonymous.GetFromJsonAsync<JsonElement>("/api/v1/catalogue/types/matter/03005");
        Assert.Equal("natural_day", detail.GetProperty("standard").GetProperty("timeType").GetString());
    }

    [Fact]
    public async Task Departments_AreAddedEditedAndDeactivated_WithFieldErrorsAndDuplicateCodesRefused()
    {
        var admin = await city.SignInAs("admin");
        var all = await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/departments");
        var parent = all!.First(d => d.GetProperty("code").GetString() == "HK-HW").GetProperty("id").GetInt32();

        var created = await admin.PostAsJsonAsync("/api/v1/departments", Department("HK-HW-PEST") with { parentId = parent });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var department = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = department.GetProperty("id").GetInt32();
        Assert.Equal(["HandlingUnit", "Maintainer"], department.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()).Order());

        var edited = await admin.PutAsJsonAsync($"/api/v1/departments/{id}", Department("HK-HW-PEST") with { name = "病媒生物防制站", parentId = parent, isActive = false });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var fetched = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/departments/{id}");
        Assert.Equal("病媒生物防制站", fetched.GetProperty("name").GetString());
        Assert.False(fetched.GetProperty("isActive").GetBoolean());
        Assert.Equal(parent, fetched.GetProperty("parentId").GetInt32());

        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/v1/departments", Department("HK-HW"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsJsonAsync($"/api/v1/departments/{id}", Department("HK-SZ"))).StatusCode);
        await AssertFieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/departments", Department("bad code!")), "code");
        await AssertFieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/departments", Department("HK-X1") with { level = "Ministry" }), "level");
        await AssertFieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/departments", Department("HK-X1") with { districtCode = "999999" }), "districtCode");
        await AssertFieldErrorAsync(await admin.PutAsJsonAsync($"/api/v1/departments/{parent}", Department("HK-HW") with { parentId = id }), "parentId");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/v1/departments/999999", Department("HK-X2"))).StatusCode);
    }

    private async Task<JsonElement> ReportRegisterDispatchAsync(string type, string description, int? departmentId, (double Lon, double Lat)? at = null)
    {
        var id = (await city.Report("operator", Reports.At(type, at?.Lon, at?.Lat, description))).GetProperty("id").GetInt64();
        await city.Step("operator", id, new { action = "register" });
        return await city.Step("dispatcher", id, new { action = "dispatch", departmentId });
    }

    private static async Task<JsonElement> AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"expected an error on {field}: {text}");
        return errors.Clone();
    }

    private sealed record StandardBody(string registrationCondition, string closingCondition, string departmentRule, int? departmentId,
        string timeType, int timeLimitAmount, bool isUrgent);

    private static StandardBody Standard(int amount) =>
        new("垃圾箱破损、缺失或严重污损", "垃圾箱修复或更换，箱体整洁", "DispatcherChoice", null, "work_day", amount, false);

    private sealed record DepartmentBody(string code, string name, string nameEn, string level, string[] kinds, int? parentId, string? districtCode, bool? isActive);

    private static DepartmentBody Department(string code) =>
        new(code, "病媒防制站", "Pest control station", "Team", ["Maintainer", "HandlingUnit"], null, null, null);
}
