using System.Net;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Production;

/// <summary>Liveness, readiness (the database) and the original /healthz all answer on a healthy server.</summary>
public sealed class HealthProbeTests
{
    [Fact]
    public async Task LiveAndReady_Answer200_WhileTheDatabaseAnswers()
    {
        var database = new SqliteTestDatabase();
        try
        {
            await using var server = await RunningServer.StartAsync(database, demo: false);
            foreach (var path in new[] { "/healthz", "/healthz/live", "/healthz/ready" })
            {
                using var response = await server.Client.GetAsync(path);
                Assert.Equal((HttpStatusCode.OK, "Healthy"), (response.StatusCode, await response.Content.ReadAsStringAsync()));
            }
        }
        finally
        {
            await database.DisposeAsync();
        }
    }
}
