using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Server.Seeding;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace CivicGrid.Server.Tests.Cases;

/// <summary>Routing suggests the department that will act and says why (issue 18 item 2): a department nobody works
/// for is passed over, the basis is returned with the suggestion ("依据：属地（龙华区）", "依据：路由规则 #3 …"); the
/// feedback carries the after-photo where the case standard's closing condition asks for one.</summary>
public abstract class DispatchSuggestionTests<TDatabase>(CityHost<TDatabase> city) where TDatabase : TestDatabase, new()
{
    [Fact]
    public async Task ARuleToADepartmentWithoutActiveUsers_IsPassedOver_AndTheSuggestionExplainsItsBasis()
    {
        var admin = await city.SignInAs("admin");
        var (municipalBureau, sanitationTeam, landscapingTeam) =
            (await DepartmentAsync(admin, "HK-SZ"), await DepartmentAsync(admin, "HK-HW-460106"), await DepartmentAsync(admin, "HK-YL-460106"));
        var created = await city.Report("operator", Reports.At("06010", lon: DemoCity.CentrePoint.Longitude + 0.0007, description: "路由说明 暴露垃圾"));
        var caseId = created.GetProperty("id").GetInt64();
        await city.Step("operator", caseId, new { action = "register" });

        // The city bureau has no users: a rule naming it is passed over for the district's sanitation station.
        var toBureau = await AddRuleAsync(admin, new { kind = "matter", typeCode = "06010", areaCode = created.GetProperty("streetCode").GetString(), departmentId = municipalBureau });
        var suggestion = await SuggestionAsync(caseId);
        Assert.Equal((sanitationTeam, "DistrictUnit", "依据：属地（龙华区）"),
            (suggestion.GetProperty("departmentId").GetInt32(), suggestion.GetProperty("basis").GetString(), suggestion.GetProperty("explanation").GetString()));
        Assert.Equal("龙华区环卫所", suggestion.GetProperty("departmentName").GetString());

        // A more specific rule naming a department with users wins and is named with its number, area and type.
        var community = created.GetProperty("communityCode").GetString()!;
        var toLandscaping = await AddRuleAsync(admin, new { kind = "matter", typeCode = "06010", areaCode = community, departmentId = landscapingTeam });
        suggestion = await SuggestionAsync(caseId);
        Assert.Equal((landscapingTeam, "RoutingRule", toLandscaping), (suggestion.GetProperty("departmentId").GetInt32(),
            suggestion.GetProperty("basis").GetString(), suggestion.GetProperty("ruleId").GetInt32()));
        var explanation = suggestion.GetProperty("explanation").GetString()!;
        Assert.StartsWith($"依据：路由规则 #{toLandscaping}（龙华区 · ", explanation, StringComparison.Ordinal);
        Assert.EndsWith(" · 暴露垃圾）", explanation, StringComparison.Ordinal);
        Assert.DoesNotContain(community, explanation, StringComparison.Ordinal);

        // Dispatch without a department goes where the suggestion points.
        var dispatched = await city.Step("dispatcher", caseId, new { action = "dispatch" });
        Assert.Equal(landscapingTeam, dispatched.GetProperty("departmentId").GetInt32());
        foreach (var rule in new[] { toBureau, toLandscaping }) await admin.DeleteAsync($"/api/v1/routing-rules/{rule}");
    }

    [Fact]
    public async Task WhenNoCandidateDepartmentHasActiveUsers_NothingIsSuggested()
    {
        var created = await city.Report("operator", Reports.At("06010", lon: DemoCity.CentrePoint.Longitude - 0.0007, description: "路由 无人部门"));
        var caseId = created.GetProperty("id").GetInt64();
        await city.Step("operator", caseId, new { action = "register" });
        await using (var db = city.Db())
        {
            await db.StaffUsers.Where(u => u.UserName == "handler.huanwei").ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));
        }
        try
        {
            var options = await city.GetJson("dispatcher", $"/api/v1/cases/{caseId}/transitions");
            Assert.Contains("dispatch", options.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));
            Assert.Equal(JsonValueKind.Null, options.GetProperty("suggestedDepartmentId").ValueKind);
            Assert.Equal(JsonValueKind.Null, options.GetProperty("departmentSuggestion").ValueKind);
        }
        finally
        {
            await using var db = city.Db();
            await db.StaffUsers.Where(u => u.UserName == "handler.huanwei").ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, true));
        }
    }

    [Fact]
    public async Task AClosingConditionAskingForAPhoto_RefusesTheFeedbackWithoutOne_With400NamingAttachmentIds()
    {
        await using (var db = city.Db())
        {
            await db.CaseStandards.Where(s => s.Kind == CatalogueKind.Matter && s.TypeCode == "06029")
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ClosingCondition, "露天烧烤已取缔，现场清理干净，附处置后照片"));
        }
        var admin = await city.SignInAs("admin");
        var sanitationTeam = await DepartmentAsync(admin, "HK-HW-460106");
        var caseId = (await city.Report("operator", Reports.At("06029", description: "露天烧烤 照片"))).GetProperty("id").GetInt64();
        await city.Step("operator", caseId, new { action = "register" });
        await city.Step("dispatcher", caseId, new { action = "dispatch", departmentId = sanitationTeam });
        await city.Step("handler.huanwei", caseId, new { action = "accept" });

        var refused = await city.TryStep("handler.huanwei", caseId, new { action = "feedback", note = "已取缔" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("attachmentIds", out _));

        var handler = await city.SignInAs("handler.huanwei");
        using var png = new MemoryStream();
        using (var image = new Image<Rgba32>(320, 240, new Rgba32(30, 120, 30))) await image.SaveAsPngAsync(png);
        using var upload = new MultipartFormDataContent { { new ByteArrayContent(png.ToArray()), "file", "处置后.png" } };
        var uploaded = await handler.PostAsync($"/api/v1/cases/{caseId}/attachments", upload);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var photo = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var fedBack = await city.Step("handler.huanwei", caseId, new { action = "feedback", note = "已取缔", attachmentIds = new[] { photo } });
        Assert.Equal("FedBack", fedBack.GetProperty("status").GetString());
    }

    private async Task<JsonElement> SuggestionAsync(long caseId)
    {
        var options = await city.GetJson("dispatcher", $"/api/v1/cases/{caseId}/transitions");
        var suggestion = options.GetProperty("departmentSuggestion");
        Assert.Equal(options.GetProperty("suggestedDepartmentId").GetInt32(), suggestion.GetProperty("departmentId").GetInt32());
        return suggestion;
    }

    private static async Task<int> AddRuleAsync(HttpClient admin, object rule)
    {
        var added = await admin.PostAsJsonAsync("/api/v1/routing-rules", rule);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        return (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task<int> DepartmentAsync(HttpClient admin, string code) =>
        (await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/departments"))!.Single(d => d.GetProperty("code").GetString() == code).GetProperty("id").GetInt32();
}

public sealed class SqliteDispatchSuggestionTests(SqliteCity city) : DispatchSuggestionTests<SqliteTestDatabase>(city), IClassFixture<SqliteCity>;

public sealed class PostgresDispatchSuggestionTests(PostgresCity city) : DispatchSuggestionTests<PostgresTestDatabase>(city), IClassFixture<PostgresCity>;
