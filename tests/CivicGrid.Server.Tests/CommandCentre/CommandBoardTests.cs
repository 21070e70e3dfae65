using System.Net;
using System.Text.Json;
using CivicGrid.Domain.Cases;
using CivicGrid.Server.Tests.Cases;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.CommandCentre;

/// <summary>GET /api/v1/command/board: the command centre's figures, overdue list, league and heat within the caller's scope.</summary>
public abstract class CommandBoardTests<TDatabase>(CityHost<TDatabase> city) where TDatabase : TestDatabase, new()
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task TheBoard_CountsTodayAgainstYesterday_AndTheOpenAndOverdueCases_LikeTheCaseTable()
    {
        await city.Report("operator", Reports.At("06040", 110.3290, 20.0190, description: "指挥中心 今日上报"));

        var board = await city.GetJson("shiftlead", "/api/v1/command/board");

        var now = city.Time.GetUtcNow();
        var midnight = new DateTimeOffset(TimeZoneInfo.ConvertTime(now, China).Date, TimeSpan.FromHours(8)).ToUniversalTime();
        await using var db = city.Db();
        var figures = board.GetProperty("figures");
        Assert.Equal(await db.Cases.CountAsync(c => c.CreatedAt >= midnight), figures.GetProperty("reportedToday").GetInt32());
        Assert.Equal(await db.Cases.CountAsync(c => c.CreatedAt >= midnight.AddDays(-1) && c.CreatedAt < midnight), figures.GetProperty("reportedYesterday").GetInt32());
        Assert.True(figures.GetProperty("reportedToday").GetInt32() >= 1);
        var open = db.Cases.Where(c => c.Status != CaseStatus.Closed && c.Status != CaseStatus.Voided && c.Status != CaseStatus.Rejected);
        Assert.Equal(await open.CountAsync(), figures.GetProperty("open").GetInt32());
        Assert.Equal(await open.CountAsync(c => c.StageDueAt < now), figures.GetProperty("overdue").GetInt32());
        Assert.Contains(board.GetProperty("heat").EnumerateArray(), p => Math.Abs(p.GetProperty("lon").GetDouble() - 110.3290) < 1e-9);
    }

    [Fact]
    public async Task TheOverdueList_IsMostOverdueFirst_ByName_AndTheLeagueCountsEachDepartmentsOverdueCases()
    {
        var board = await city.GetJson("shiftlead", "/api/v1/command/board");

        var overdue = board.GetProperty("overdue").EnumerateArray().ToList();
        Assert.NotEmpty(overdue); // the demo city has overdue cases
        var due = overdue.Select(c => c.GetProperty("dueAt").GetDateTimeOffset()).ToList();
        Assert.Equal(due.Order().ToList(), due);
        Assert.All(due, d => Assert.True(d < board.GetProperty("asOf").GetDateTimeOffset()));
        Assert.All(overdue, c => Assert.False(string.IsNullOrEmpty(c.GetProperty("typeName").GetString())));
        Assert.All(overdue, c => Assert.DoesNotMatch("^[0-9 ·]+$", c.GetProperty("place").GetString() ?? ""));

        var league = board.GetProperty("league").EnumerateArray().ToList();
        var top = league.First(r => r.GetProperty("overdue").GetInt32() > 0);
        var department = top.GetProperty("departmentId").GetInt32();
        var now = board.GetProperty("asOf").GetDateTimeOffset();
        await using var db = city.Db();
        var name = await db.Departments.Where(d => d.Id == department).Select(d => d.Name).SingleAsync();
        Assert.Equal(name, top.GetProperty("name").GetString());
        var terminal = new[] { CaseStatus.Closed, CaseStatus.Voided, CaseStatus.Rejected };
        Assert.Equal(await db.Cases.CountAsync(c => c.DepartmentId == department && !terminal.Contains(c.Status) && c.StageDueAt < now),
            top.GetProperty("overdue").GetInt32());
        var overdueCounts = league.Select(r => r.GetProperty("overdue").GetInt32()).ToList();
        Assert.Equal(overdueCounts.OrderDescending().ToList(), overdueCounts);
    }

    [Fact]
    public async Task TheEvents_AreNewestFirstByTime_AcrossCases_WithTypeAndPlaceByName()
    {
        var first = (await city.Report("operator", Reports.At("06042", 110.3340, 20.0240, description: "指挥中心 事件一"))).GetProperty("id").GetInt64();
        city.Time.Advance(TimeSpan.FromMinutes(1));
        var second = (await city.Report("operator", Reports.At("06041", 110.3360, 20.0160, description: "指挥中心 事件二"))).GetProperty("id").GetInt64();
        city.Time.Advance(TimeSpan.FromMinutes(1));
        await city.Step("operator", first, new { action = "register" });

        var events = (await city.GetJson("shiftlead", "/api/v1/command/events?count=10")).EnumerateArray().ToList();

        Assert.Equal([(first, "register"), (second, "report"), (first, "report")],
            events.Take(3).Select(e => (e.GetProperty("caseId").GetInt64(), e.GetProperty("action").GetString())).ToList());
        var times = events.Select(e => e.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending().ToList(), times);
        Assert.False(string.IsNullOrEmpty(events[0].GetProperty("typeName").GetString()));
        Assert.DoesNotMatch("^[0-9 ·]+$", events[0].GetProperty("place").GetString() ?? "");
        var refused = await (await city.SignInAs("shiftlead")).GetAsync("/api/v1/command/events?count=0");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("count", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADistrictDispatcher_SeesOnlyTheirDistrict_AndAnInspectorIsRefused()
    {
        var (lon, lat) = await city.PointInXiuying();
        await city.Report("operator", Reports.At("06028", lon, lat, "秀英区 指挥中心热力"));

        var district = await city.GetJson("dispatcher.longhua", "/api/v1/command/board");
        var wholeCity = await city.GetJson("dispatcher", "/api/v1/command/board");

        static bool Has(JsonElement board, double lon) => board.GetProperty("heat").EnumerateArray().Any(p => Math.Abs(p.GetProperty("lon").GetDouble() - lon) < 1e-9);
        Assert.True(Has(wholeCity, lon));
        Assert.False(Has(district, lon));
        Assert.True(district.GetProperty("figures").GetProperty("open").GetInt32() < wholeCity.GetProperty("figures").GetProperty("open").GetInt32());
        var inspector = await (await city.SignInAs("inspector")).GetAsync("/api/v1/command/board");
        Assert.Equal(HttpStatusCode.Forbidden, inspector.StatusCode);
    }
}

public sealed class SqliteCommandBoardTests(SqliteCity city) : CommandBoardTests<SqliteTestDatabase>(city), IClassFixture<SqliteCity>;

public sealed class PostgresCommandBoardTests(PostgresCity city) : CommandBoardTests<PostgresTestDatabase>(city), IClassFixture<PostgresCity>;
