using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Cases;

public abstract class WholeWorkflowTests<TDatabase>(CityHost<TDatabase> city) where TDatabase : CivicGrid.Server.Tests.Infrastructure.TestDatabase, new()
{
    [Fact]
    public async Task HotlineReport_ThroughVerifyRegisterDispatchReworkAndClose_RecordsEveryStepWithItsActor()
    {
        var created = await city.Report("operator", Reports.At(channel: "Hotline"));
        var id = created.GetProperty("id").GetInt64();
        Assert.Matches(@"^HK\d{8}\d{5}$", created.GetProperty("number").GetString());
        Assert.Equal("Reported", created.GetProperty("status").GetString());
        Assert.Equal("460106", created.GetProperty("districtCode").GetString());

        await city.Step("operator", id, new { action = "request_verification" });
        await city.Step("inspector", id, new { action = "verify", confirmed = true, note = "现场属实" });
        await city.Step("operator", id, new { action = "register" });

        var options = await (await city.SignInAs("dispatcher")).GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/transitions");
        Assert.Equal(["dispatch"], options.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));
        var suggested = options.GetProperty("suggestedDepartmentId").GetInt32();
        var dispatched = await city.Step("dispatcher", id, new { action = "dispatch" });
        Assert.Equal(suggested, dispatched.GetProperty("departmentId").GetInt32());

        await city.Step("handler.huanwei", id, new { action = "accept" });
        await city.Step("handler.huanwei", id, new { action = "feedback", note = "已清运" });
        await city.Step("operator", id, new { action = "request_check" });
        await city.Step("inspector", id, new { action = "check", passed = false, note = "仍有残留" });
        await city.Step("dispatcher", id, new { action = "rework", note = "请彻底清理" });
        await city.Step("handler.huanwei", id, new { action = "feedback", note = "已彻底清理" });
        await city.Step("operator", id, new { action = "request_check" });
        await city.Step("inspector", id, new { action = "check", passed = true });
        var closed = await city.Step("shiftlead", id, new { action = "close" });
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.Equal(1, closed.GetProperty("reworkCount").GetInt32());

        var history = (await (await city.SignInAs("shiftlead")).GetFromJsonAsync<JsonElement[]>($"/api/v1/cases/{id}/history"))!;
        Assert.Equal(["report", "request_verification", "verify", "register", "dispatch", "accept", "feedback", "request_check", "check", "rework", "feedback", "request_check", "check", "close"],
            history!.Select(h => h.GetProperty("action").GetString()));
        string Actor(int i) => history[i].GetProperty("actorName").GetString()!;
        Assert.Equal("陈静（受理员）", Actor(0));
        Assert.StartsWith("王海", Actor(2));
        Assert.Equal("黄丽（派遣员）", Actor(4));
        Assert.Equal("李梅（龙华区环卫所）", Actor(5));
        Assert.Equal("陈静（受理员）", Actor(7));
        Assert.Equal("林峰（值班长）", Actor(13));
        Assert.Equal("Inspector", history[8].GetProperty("actorRole").GetString());
        for (var i = 1; i < history.Length; i++)
            Assert.Equal(history[i - 1].GetProperty("hash").GetString(), history[i].GetProperty("previousHash").GetString());
    }
}

public sealed class SqliteWholeWorkflowTests(SqliteCity city) : WholeWorkflowTests<CivicGrid.Server.Tests.Infrastructure.SqliteTestDatabase>(city), IClassFixture<SqliteCity>;

public sealed class PostgresWholeWorkflowTests(PostgresCity city) : WholeWorkflowTests<CivicGrid.Server.Tests.Infrastructure.PostgresTestDatabase>(city), IClassFixture<PostgresCity>
{
    private readonly PostgresCity _city = city;

    [Fact]
    public async Task Postgres_ConcurrentReports_GetDistinctSequentialNumbers()
    {
        var tasks = Enumerable.Range(0, 8).Select(i => _city.Report("operator",
            Reports.At(i % 2 == 0 ? "07001" : "09006", lon: 110.33 + i * 0.001, description: $"并发 {i}")));
        var numbers = (await Task.WhenAll(tasks)).Select(c => c.GetProperty("number").GetString()).ToList();
        Assert.Equal(8, numbers.Distinct().Count());
    }
}
