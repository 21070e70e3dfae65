using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.Cases;

/// <summary>Moves the server's clock, so it has a server of its own.</summary>
public sealed class CaseDeadlineTests(CaseApi api) : IClassFixture<CaseApi>
{
    [Fact]
    public async Task DeadlineJob_RaisesOneOverdueAlertPerStage_WhenTimeMovesPastTheDeadline()
    {
        var id = (await api.CreateAsync("operator", Reports.At("03005", description: "垃圾箱破损 overdue"))).GetProperty("id").GetInt64();
        await api.DoAsync("operator", id, new { action = "register" });
        var dispatched = await api.DoAsync("dispatcher", id, new { action = "dispatch" });
        var due = dispatched.GetProperty("deadline").GetProperty("dueAt").GetDateTimeOffset();
        var monitor = api.Server.Services.GetRequiredService<DeadlineMonitor>();

        api.Server.Time.SetUtcNow(due.AddMinutes(1));
        await monitor.RunOnceAsync(CancellationToken.None);
        await monitor.RunOnceAsync(CancellationToken.None);
        api.ForgetTokens();

        await using var db = api.Database.CreateContext();
        Assert.Equal(1, await db.CaseAlerts.CountAsync(a => a.CaseId == id && a.Kind == "overdue"));
        var history = await (await api.As("dispatcher")).GetFromJsonAsync<JsonElement[]>($"/api/v1/cases/{id}/history");
        Assert.Single(history!, h => h.GetProperty("action").GetString() == "overdue");
        var now = await (await api.As("dispatcher")).GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}");
        Assert.Equal("red", now.GetProperty("deadline").GetProperty("light").GetString());
    }
}
