using System.Net;
using System.Net.Http.Json;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.PublicService;

public sealed class CaseLookupRateLimitTests
{
    [Fact]
    public async Task TooManyLookUpsFromOneAddress_Are429WithRetryAfter()
    {
        await using var database = new SqliteTestDatabase();
        await database.InitializeAsync();
        await using var server = await RunningServer.StartAsync(database, demo: false, "--PublicService:LookupsPerIpPerMinute=2");

        for (var i = 0; i < 2; i++)
        {
            var allowed = await server.Client.PostAsJsonAsync("/api/public/lookup", new { number = $"HK000000000000{i}", phoneLastFour = "1234" });
            Assert.Equal(HttpStatusCode.NotFound, allowed.StatusCode);
        }
        var limited = await server.Client.PostAsJsonAsync("/api/public/lookup", new { number = "HK0000000000009", phoneLastFour = "1234" });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(limited.Headers.RetryAfter);
    }
}
