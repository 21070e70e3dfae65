using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Seeding;
using CivicGrid.Server.Tests.Auth;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.Cases;

/// <summary>Sending the check (发送核查): after the department's feedback the intake operator sends the on-site check to an
/// inspector, within the 30 min check-dispatch limit, and is evaluated on it (issue 14 item 5b).</summary>
public abstract class CheckDispatchTests<TDatabase>(CityHost<TDatabase> city) where TDatabase : TestDatabase, new()
{
    /// <summary>A case reported north of the centre (other tests report east and west of it), taken to the feedback.</summary>
    private async Task<long> FedBackAsync(double north, string operatorName = "operator")
    {
        var id = (await city.Report(operatorName, Reports.At(lat: DemoCity.CentrePoint.Latitude + north,
            description: $"核查派遣 {Guid.NewGuid():N}", channel: "Hotline"))).GetProperty("id").GetInt64();
        await city.Step("shiftlead", id, new { action = "register" });
        await city.Step("dispatcher", id, new { action = "dispatch" });
        await city.Step("handler.huanwei", id, new { action = "accept" });
        var fedBack = await city.Step("handler.huanwei", id, new { action = "feedback", note = "已清运" });
        Assert.Equal("FedBack", fedBack.GetProperty("status").GetString());
        return id;
    }

    private async Task<int> UserIdAsync(string userName)
    {
        await using var db = city.Db();
        return await db.StaffUsers.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    /// <summary>The inspector who patrols the case's unit grid (its responsibility grid), and their user name.</summary>
    private async Task<(int Id, string UserName)> PatrolInspectorAsync(long caseId)
    {
        await using var db = city.Db();
        var grid = await db.Cases.Where(c => c.Id == caseId).Select(c => c.GridCode).SingleAsync();
        var id = await db.UnitGrids.Where(g => g.Code == grid)
            .Join(db.ResponsibilityGrids, g => g.ResponsibilityGridId, r => (int?)r.Id, (g, r) => r.InspectorUserId).SingleAsync();
        Assert.NotNull(id);
        return (id.Value, await db.StaffUsers.Where(u => u.Id == id).Select(u => u.UserName).SingleAsync());
    }

    [Fact]
    public async Task AfterFeedback_TheOperatorSendsTheCheck_ToTheInspectorWhoPatrolsTheGrid_UnlessAnotherIsChosen()
    {
        var id = await FedBackAsync(0.0006);
        var (inspector, inspectorName) = await PatrolInspectorAsync(id);
        var options = await (await city.SignInAs("operator")).GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/transitions");
        Assert.Equal(["request_check"], options.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(inspector, options.GetProperty("suggestedInspectorUserId").GetInt32());
        var forInspector = await (await city.SignInAs(inspectorName)).GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/transitions");
        Assert.Empty(forInspector.GetProperty("allowed").EnumerateArray()); // nothing to check before the check is sent

        var sent = await city.Step("operator", id, new { action = "request_check" });
        Assert.Equal(("Checking", inspector), (sent.GetProperty("status").GetString(), sent.GetProperty("checkInspectorUserId").GetInt32()));
        var history = (await (await city.SignInAs("operator")).GetFromJsonAsync<JsonElement[]>($"/api/v1/cases/{id}/history"))!;
        Assert.Equal(("request_check", "FedBack", $"inspector={inspector}"), (history[^1].GetProperty("action").GetString(),
            history[^1].GetProperty("fromStatus").GetString(), history[^1].GetProperty("data").GetString()));
        Assert.Equal(60, history[^1].GetProperty("deadline").GetProperty("limit").GetProperty("amount").GetInt32());

        // Rework: the next feedback waits for the check again; this time the shift lead sends it to another inspector in scope.
        await city.Step(inspectorName, id, new { action = "check", passed = false, note = "仍有残留" });
        await city.Step("dispatcher", id, new { action = "rework", note = "请彻底清理" });
        Assert.Equal("FedBack", (await city.Step("handler.huanwei", id, new { action = "feedback" })).GetProperty("status").GetString());
        var cityInspector = await StaffAccounts.AddAsync(city.Database, $"inspector.city.{Guid.NewGuid():N}"[..30], Roles.Inspector, DataScope.WholeCity);
        var resent = await city.Step("shiftlead", id, new { action = "request_check", inspectorUserId = cityInspector });
        Assert.Equal(cityInspector, resent.GetProperty("checkInspectorUserId").GetInt32());
    }

    [Fact]
    public async Task RequestCheck_ToSomeoneWhoIsNotAnInspectorInScope_Answers400NamingInspectorUserId()
    {
        var id = await FedBackAsync(0.0012);
        var outOfScope = await StaffAccounts.AddAsync(city.Database, $"inspector.xy.{Guid.NewGuid():N}"[..28], Roles.Inspector, DataScope.OfDistrict("460105"));
        foreach (var who in new[] { await UserIdAsync("dispatcher"), outOfScope, 999_999 })
        {
            var response = await city.TryStep("operator", id, new { action = "request_check", inspectorUserId = who });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("inspectorUserId", out _));
        }
        var refused = await city.TryStep("inspector", id, new { action = "request_check" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await using var db = city.Db();
        Assert.Equal(CivicGrid.Domain.Cases.CaseStatus.FedBack, (await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id)).Status);
    }

    [Fact]
    public async Task AnOperatorWhoSendsOneCheckOnTimeAndOneLate_HasAnOnTimeCheckDispatchRateOfOneHalf()
    {
        var name = $"operator.{Guid.NewGuid():N}"[..24];
        var op = await StaffAccounts.AddAsync(city.Database, name, Roles.IntakeOperator, DataScope.WholeCity);
        var first = await FedBackAsync(0.0018, name);
        var second = await FedBackAsync(0.0024, name);
        var start = city.Time.GetUtcNow();
        await city.Step(name, first, new { action = "request_check" }); // at once: on time
        DateTimeOffset due;
        await using (var db = city.Db())
        {
            due = (await db.Cases.AsNoTracking().SingleAsync(c => c.Id == second)).StageDueAt!.Value;
        }
        Assert.Equal(30, (due - start).TotalMinutes, 0.1);
        city.Time.SetUtcNow(due.AddMinutes(5));
        city.ForgetSignIns();
        // Five minutes past the 30 min limit. The deadline monitor may raise the overdue alert on this case at the same
        // moment (a version change): the step then answers 409 and the client reloads and retries, as any client would.
        var late = await city.TryStep(name, second, new { action = "request_check" });
        if (late.StatusCode == HttpStatusCode.Conflict) late = await city.TryStep(name, second, new { action = "request_check" });
        Assert.True(late.IsSuccessStatusCode, await late.Content.ReadAsStringAsync());

        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        string Day(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var table = await (await city.SignInAs("leader")).GetFromJsonAsync<JsonElement>(
            $"/api/v1/evaluation/intake-operator?period={Day(start)}..{Day(city.Time.GetUtcNow())}");
        var row = table.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == op.ToString(CultureInfo.InvariantCulture));
        var rate = row.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "onTimeCheckDispatchRate");
        Assert.Equal(0.5, rate.GetProperty("value").GetDouble(), 9);
        Assert.Equal((1.0, 2.0), (rate.GetProperty("numerator").GetDouble(), rate.GetProperty("denominator").GetDouble()));
    }
}

public sealed class SqliteCheckDispatchTests(SqliteCity city) : CheckDispatchTests<SqliteTestDatabase>(city), IClassFixture<SqliteCity>;

public sealed class PostgresCheckDispatchTests(PostgresCity city) : CheckDispatchTests<PostgresTestDatabase>(city), IClassFixture<PostgresCity>;
