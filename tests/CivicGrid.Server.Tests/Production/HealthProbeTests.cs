using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Production;

/// <summary>Liveness, readiness (the database, and the calendar in its details) and the original /healthz all answer on a healthy server.</summary>
public sealed class HealthProbeTests
{
    [Fact]
    public async Task LiveAndReady_Answer200_WhileTheDatabaseAnswers()
    {
        var database = new SqliteTestDatabase();
        try
        {
            await using var server = await RunningServer.StartAsync(database, demo: false);
            foreach (var path in new[] { "/healthz", "/healthz/live" })
            {
                using var response = await server.Client.GetAsync(path);
                Assert.Equal((HttpStatusCode.OK, "Healthy"), (response.StatusCode, await response.Content.ReadAsStringAsync()));
            }

            // Ready answers its checks in detail; the calendar (2025–2026 shipped, the clock at 26 Nov 2026) only degrades it.
            using var ready = await server.Client.GetAsync("/healthz/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            var checks = (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").EnumerateArray()
                .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
            Assert.Equal("Healthy", checks["database"]);
            Assert.Equal("Degraded", checks["calendar"]);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }
}
