using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Cases;

/// <summary>The deadline fields of the case API and its history: a structured limit (type, amount, unit) and a flag
/// when the deadline is counted over dates the working calendar does not cover. Moves the server's clock and changes
/// a case standard, so it has a server of its own. Its two tests share it safely in either order: each uses its own
/// type (03005, 06010), and the first one's four working hours end within 2026 whether the clock is at the demo's
/// start or already on 31 December.</summary>
public sealed class CaseDeadlineFieldsTests(SqliteCity city) : IClassFixture<SqliteCity>
{
    [Fact]
    public async Task AWorkHourLimit_IsAnsweredAsTypeAmountAndUnit_InTheCaseAndItsHistory()
    {
        var admin = await city.SignInAs("admin");
        var saved = await admin.PutAsJsonAsync("/api/v1/catalogue/types/matter/03005/standard", new
        {
            registrationCondition = "垃圾箱破损、缺失或严重污损", closingCondition = "垃圾箱修复或更换，箱体整洁",
            departmentRule = "DistrictOfCase", departmentId = (int?)null, timeType = "work_hour", timeLimitAmount = 240, isUrgent = false,
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var id = (await city.Report("operator", Reports.At("03005", description: "垃圾箱破损 structured limit"))).GetProperty("id").GetInt64();
        var registered = await city.Step("operator", id, new { action = "register" });
        AssertLimit(registered.GetProperty("deadline").GetProperty("limit"), "urgent_hour", 30, "minute");
        var dispatched = await city.Step("dispatcher", id, new { action = "dispatch", departmentId = await city.DepartmentOf("handler.huanwei") });
        AssertLimit(dispatched.GetProperty("deadline").GetProperty("limit"), "work_hour", 240, "minute");
        Assert.False(dispatched.GetProperty("deadline").GetProperty("beyondCalendar").GetBoolean());

        var history = await (await city.SignInAs("dispatcher")).GetFromJsonAsync<JsonElement[]>($"/api/v1/cases/{id}/history");
        var dispatch = Assert.Single(history!, h => h.GetProperty("action").GetString() == "dispatch");
        AssertLimit(dispatch.GetProperty("deadline").GetProperty("limit"), "work_hour", 240, "minute");
        Assert.Equal(dispatched.GetProperty("deadline").GetProperty("dueAt").GetDateTimeOffset(),
            dispatch.GetProperty("deadline").GetProperty("dueAt").GetDateTimeOffset());
        Assert.False(dispatch.GetProperty("deadline").GetProperty("beyondCalendar").GetBoolean());
        var report = Assert.Single(history!, h => h.GetProperty("action").GetString() == "report");
        AssertLimit(report.GetProperty("deadline").GetProperty("limit"), "urgent_hour", 15, "minute");
    }

    [Fact]
    public async Task AWorkDayDeadlineCountedIntoAYearWithoutHolidays_IsFlaggedInTheCaseAndItsHistory()
    {
        // 31 Dec 2026: one working day runs into 2027, for which the calendar knows no holidays.
        city.Time.SetUtcNow(new DateTimeOffset(2026, 12, 31, 9, 0, 0, TimeSpan.FromHours(8)));
        city.ForgetSignIns();
        var id = (await city.Report("operator", Reports.At("06010", description: "暴露垃圾 beyond the calendar"))).GetProperty("id").GetInt64();
        var registered = await city.Step("operator", id, new { action = "register" });
        Assert.False(registered.GetProperty("deadline").GetProperty("beyondCalendar").GetBoolean()); // urgent: no calendar
        await city.Step("dispatcher", id, new { action = "dispatch" });

        var read = await (await city.SignInAs("dispatcher")).GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}");
        Assert.Equal("work_day", read.GetProperty("deadline").GetProperty("limit").GetProperty("type").GetString());
        Assert.True(read.GetProperty("deadline").GetProperty("beyondCalendar").GetBoolean());
        var history = await (await city.SignInAs("dispatcher")).GetFromJsonAsync<JsonElement[]>($"/api/v1/cases/{id}/history");
        var dispatch = Assert.Single(history!, h => h.GetProperty("action").GetString() == "dispatch");
        Assert.True(dispatch.GetProperty("deadline").GetProperty("beyondCalendar").GetBoolean());
    }

    private static void AssertLimit(JsonElement limit, string type, int amount, string unit)
    {
        Assert.Equal(type, limit.GetProperty("type").GetString());
        Assert.Equal(amount, limit.GetProperty("amount").GetInt32());
        Assert.Equal(unit, limit.GetProperty("unit").GetString());
    }
}
