using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.PublicService;

public sealed class PublicRateLimitTests
{
    [Fact]
    public async Task TooManyReportsFromOneAddress_Are429WithRetryAfter()
    {
        await using var city = await CityHost.StartAsync<SqliteTestDatabase>(CityOptions.EmptyCity.With("--PublicService:ReportsPerIpPerMinute=2"));

        for (var i = 0; i < 2; i++)
        {
            var allowed = await city.Anonymous.PostAsJsonAsync("/api/public/reports", new { description = "x" });
            Assert.Equal(HttpStatusCode.BadRequest, allowed.StatusCode); // counted, then refused for its content
        }
        var limited = await city.Anonymous.PostAsJsonAsync("/api/public/reports", new { description = "x" });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.True(int.Parse(limited.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal(429, (await limited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        // Reading stays open: tracking and the map are not limited.
        Assert.Equal(HttpStatusCode.OK, (await city.Anonymous.GetAsync("/api/public/notices")).StatusCode);
    }

    /// <summary>"我也遇到了" sends messages to a phone or an address anyone types: its form on the public case page and its
    /// API spend the same per-address budget as following from the tracking page; viewing the page spends nothing.</summary>
    [Fact]
    public async Task FollowingACaseByItsNumber_OnThePageOrThroughTheApi_SpendsThePerAddressBudget()
    {
        await using var city = await CityHost.StartAsync<SqliteTestDatabase>(CityOptions.EmptyCity.With("--PublicService:UploadsPerIpPerMinute=2"));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "same-problem", ["Same.Phone"] = "13800003333" });

        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await city.Anonymous.PostAsync("/public/cases/HK0000000000001", form)).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await city.Anonymous.PostAsJsonAsync("/api/public/cases/HK0000000000001/followers", new { phone = "13800003333" })).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await city.Anonymous.PostAsync("/public/cases/HK0000000000001", form)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await city.Anonymous.GetAsync("/public/cases/HK0000000000001")).StatusCode); // viewing is not limited
    }
}
