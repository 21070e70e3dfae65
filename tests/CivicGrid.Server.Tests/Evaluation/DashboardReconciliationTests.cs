using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CivicGrid.Server.Features.Cases;
using CivicGrid.Server.Tests.Auth;
using CivicGrid.Server.Tests.Cases;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.Evaluation;

/// <summary>The dashboard's figures reconcile (issue 18 item 5), checked against numbers worked out by hand: three cases
/// dispatched together, so their handling stages are due at the same moment; the first fed back in time, the second fed back
/// after the deadline monitor marked it overdue, the third still open. On the deadline's day: due 3, on time 1, overdue 2,
/// the on-time rate 1 ÷ 3, and the open one among "overdue now". The class moves the clock a month past the demo history
/// first, so no other stage is due on that day; it has its own server (the fixture) and arranges the story once.</summary>
public abstract class DashboardReconciliationTests<TDatabase>(CityHost<TDatabase> city) where TDatabase : TestDatabase, new()
{
    private static readonly ConditionalWeakTable<object, Task<Story>> Stories = [];

    private sealed record Story(string Period, long OnTime, long LateFedBack, long Open, string District);

    private Task<Story> ArrangedAsync() => Stories.GetValue(city, _ => ArrangeAsync());

    private async Task<Story> ArrangeAsync()
    {
        city.Time.Advance(TimeSpan.FromDays(31));
        city.ForgetSignIns();
        async Task<long> Dispatched(double dx)
        {
            var id = (await city.Report("operator", Reports.At(lon: CivicGrid.Server.Seeding.DemoCity.CentrePoint.Longitude + dx,
                description: $"看板核对 {Guid.NewGuid():N}", channel: "Hotline"))).GetProperty("id").GetInt64();
            await city.Step("shiftlead", id, new { action = "register" });
            await city.Step("dispatcher", id, new { action = "dispatch" });
            return id;
        }
        var onTime = await Dispatched(0.0013);
        var late = await Dispatched(0.0026);
        var open = await Dispatched(0.0039);
        await city.Step("handler.huanwei", onTime, new { action = "accept" });
        await city.Step("handler.huanwei", onTime, new { action = "feedback", note = "已清理" });
        await city.CloseAfterFeedback(onTime); // closed: no later stage of it can be marked overdue when the clock moves

        DateTimeOffset due;
        string district;
        await using (var db = city.Db())
        {
            var stages = await db.Cases.AsNoTracking().Where(c => c.Id == late || c.Id == open).Select(c => new { c.StageDueAt, c.DistrictCode }).ToListAsync();
            Assert.Single(stages.Select(s => s.StageDueAt).Distinct()); // dispatched at the same instant: one deadline
            (due, district) = (stages[0].StageDueAt!.Value, stages[0].DistrictCode!);
        }
        city.Time.SetUtcNow(due.AddMinutes(5));
        city.ForgetSignIns();
        await city.Services.GetRequiredService<DeadlineMonitor>().RunOnceAsync(CancellationToken.None);
        await city.Step("handler.huanwei", late, new { action = "accept" });
        await city.Step("handler.huanwei", late, new { action = "feedback", note = "迟到的反馈" }); // after the mark: adds nothing

        var day = TimeZoneInfo.ConvertTime(due, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new Story($"{day}..{day}", onTime, late, open, district);
    }

    private static JsonElement Figure(JsonElement dashboard, string code) =>
        dashboard.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("code").GetString() == code);

    [Fact]
    public async Task TheOnTimeRate_IsOnTimeOverDue_AndTheOverdueStagesAreTheRest()
    {
        var story = await ArrangedAsync();
        var client = await city.SignInAs("leader");

        var dashboard = await client.GetFromJsonAsync<JsonElement>($"/api/v1/dashboard?period={story.Period}");

        Assert.Equal(3, Figure(dashboard, "due").GetProperty("value").GetDouble());
        var rate = Figure(dashboard, "onTimeClosureRate");
        Assert.Equal(1, rate.GetProperty("numerator").GetInt32());
        Assert.Equal(3, rate.GetProperty("denominator").GetInt32());
        Assert.Equal(1.0 / 3, rate.GetProperty("value").GetDouble(), 9);
        // "Overdue now" is live and city-wide: it holds the open one, not the two fed back.
        var overdue = await client.GetFromJsonAsync<JsonElement>(Figure(dashboard, "overdueNow").GetProperty("cases").GetString() + "&pageSize=20"); // newest first: these three
        var ids = overdue.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).ToList();
        Assert.Contains(story.Open, ids);
        Assert.DoesNotContain(story.OnTime, ids);
        Assert.DoesNotContain(story.LateFedBack, ids);
    }

    [Fact]
    public async Task TheDashboardPage_SaysWhatTheRateAndTheOverdueCountCount()
    {
        var story = await ArrangedAsync();
        using var browser = new SignInForm(city.Anonymous.BaseAddress!);
        Assert.True(SignInForm.SignedIn(await browser.PostAsync("leader", StaffAccounts.Password)));

        var html = await (await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/dashboard?period={story.Period}"))).Content.ReadAsStringAsync();

        Assert.Contains("按时 1 ÷ 应处置 3；其中超时 2 件", html, StringComparison.Ordinal);
        Assert.Contains("此刻仍在办、当前环节已过时限的案件", html, StringComparison.Ordinal);
        Assert.DoesNotContain("高发问题", html, StringComparison.Ordinal); // the same rows as 按类型: shown once
    }

    [Fact]
    public async Task TheDueDrillDown_NamesTypeDepartmentAndPlace_AndSortsByOnTime()
    {
        var story = await ArrangedAsync();
        var client = await city.SignInAs("leader");

        var page = await client.GetFromJsonAsync<JsonElement>(
            $"/api/v1/evaluation/cases?kind=district&key={story.District}&measure=due&period={story.Period}&sort=ontime&order=asc");

        var items = page.GetProperty("items").EnumerateArray().ToList();
        // Overdue first (false before true), then by case id: the late one, the open one, the one fed back in time.
        Assert.Equal([story.LateFedBack, story.Open, story.OnTime], items.Select(c => c.GetProperty("id").GetInt64()).ToList());
        Assert.Equal([false, false, true], items.Select(c => c.GetProperty("onTime").GetBoolean()).ToList());
        Assert.All(items, c =>
        {
            Assert.Equal("暴露垃圾", c.GetProperty("typeName").GetString());
            Assert.Contains("环卫", c.GetProperty("departmentName").GetString(), StringComparison.Ordinal);
            Assert.Contains(" · ", c.GetProperty("place").GetString(), StringComparison.Ordinal);
            Assert.DoesNotMatch("[0-9]{6}", c.GetProperty("place").GetString()!);
        });
    }

    [Fact]
    public async Task TheWorkbook_HasATitleRow_ChineseHeaders_AndRatesInPerCent_OrEnglishHeadersForEnglish()
    {
        var story = await ArrangedAsync();
        var client = await city.SignInAs("leader");

        var chinese = await Workbook(client, story, english: false);
        Assert.Contains("区综合评价", chinese[0][0], StringComparison.Ordinal);
        Assert.Contains(story.Period, chinese[0][0], StringComparison.Ordinal);
        Assert.Contains("全市", chinese[0][0], StringComparison.Ordinal);
        var header = chinese[1];
        Assert.Equal(["排名", "名称", "编码", "得分", "等级"], header.Take(5));
        Assert.Contains("按时结案率 (%)", header);
        Assert.Contains("应处置数（处置时限在期内）", header);
        Assert.DoesNotContain(header, h => System.Text.RegularExpressions.Regex.IsMatch(h, "[a-z][A-Z]")); // no camelCase
        var row = chinese.Skip(2).Single(r => r[header.IndexOf("编码")] == story.District);
        Assert.Equal("33.3", row[header.IndexOf("按时结案率 (%)")]); // 1 ÷ 3 in per cent, one decimal

        var english = await Workbook(client, story, english: true);
        Assert.StartsWith("District evaluation", english[0][0], StringComparison.Ordinal);
        Assert.Equal(["Rank", "Name", "Code", "Score", "Grade"], english[1].Take(5));
        Assert.Contains("On-time closure rate (%)", english[1]);
    }

    /// <summary>The district workbook's cells as text, row by row (the culture cookie picks the language).</summary>
    private static async Task<List<List<string>>> Workbook(HttpClient client, Story story, bool english)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/evaluation/district/export?format=xlsx&period={story.Period}");
        if (english) request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: false).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToList()).ToList();
    }
}

public sealed class SqliteDashboardReconciliationTests(SqliteCity city) : DashboardReconciliationTests<SqliteTestDatabase>(city), IClassFixture<SqliteCity>;

public sealed class PostgresDashboardReconciliationTests(PostgresCity city) : DashboardReconciliationTests<PostgresTestDatabase>(city), IClassFixture<PostgresCity>;
