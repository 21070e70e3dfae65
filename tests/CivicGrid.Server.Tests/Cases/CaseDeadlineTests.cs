using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Features.Cases;
using Microsoft.EntityFrameworkCore;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Cases;

/// <summary>Moves the server's clock, so it has a server of its own.</summary>
public sealed class CaseDeadlineTests(SqliteCity city) : IClassFixture<SqliteCity>
{
    [Fact]
    public async Task DeadlineJob_RaisesOneOverdueAlertPerStage_WhenTimeMovesPastTheDeadline()
    {
        var id = (await city.Report("operator", Reports.At("03005", description: "垃圾箱破损 overdue"))).GetProperty("id").GetInt64();
        await city.Step("operator", id, new { action = "register" });
        var dispatched = await city.Step("dispatcher", id, new { action = "dispatch" });
        var due = dispatched.GetProperty("deadline").GetProperty("dueAt").GetDateTimeOffset();
        var monitor = city.Services.GetRequiredService<DeadlineMonitor>();

        city.Time.SetUtcNow(due.AddMinutes(1));
        await monitor.RunOnceAsync(CancellationToken.None);
        await monitor.RunOnceAsync(CancellationToken.None);
        city.ForgetSignIns();

        await using var db = city.Db();
        Assert.Equal(1, await db.CaseAlerts.CountAsync(a => a.CaseId == id && a.Kind == "overdue"));
        var history = await (await city.SignInAs("dispatcher")).GetFromJsonAsync<JsonElement[]>($"/api/v1/cases/{id}/history");
        Assert.Single(history!, h => h.GetProperty("action").GetString() == "overdue");
        var now = await (await city.SignInAs("dispatcher")).GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}");
        Assert.Equal("red", now.GetProperty("deadline").GetProperty("light").GetString());
    }
}
