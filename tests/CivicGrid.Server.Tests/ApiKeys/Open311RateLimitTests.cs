using System.Net;
using CivicGrid.Server.Tests.Infrastructure;
using CivicGrid.Server.Tests.Open311;

namespace CivicGrid.Server.Tests.ApiKeys;

/// <summary>A server whose Open311 limits are tiny: 3 submissions per key and 5 per IP address each minute.</summary>
public sealed class SmallOpen311LimitsCity() : CityHost<SqliteTestDatabase>(
    CityOptions.DemoCity.With("--Open311:SubmissionsPerKeyPerMinute=3", "--Open311:SubmissionsPerIpPerMinute=5"));

public sealed class Open311RateLimitTests(SmallOpen311LimitsCity city) : IClassFixture<SmallOpen311LimitsCity>
{
    [Fact]
    public async Task PerKeyThenPerIp_Limits_Answer429WithRetryAfter_InTheErrorFormat()
    {
        for (var i = 0; i < 3; i++)
        {
            var ok = await city.TryOpen311Submit(Forms.Report("M06010", lon: 110.3230 + i * 0.0012, description: $"限流 {i}"));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        var perKey = await city.TryOpen311Submit(Forms.Report("M06010", lon: 110.3300, description: "第四个"));
        Assert.Equal(HttpStatusCode.TooManyRequests, perKey.StatusCode);
        Assert.InRange(int.Parse(perKey.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Contains("api_key", Open311Asserts.AssertErrorBody(await perKey.Content.ReadAsStringAsync(), 429, xml: false));

        // Another key from the same address: the address has one submission left, then 429 in XML too.
        var other = await city.CreateApiKey("second client");
        Assert.Equal(HttpStatusCode.OK, (await city.TryOpen311Submit([.. Forms.Report("M07001", lon: 110.3310, description: "另一个"), new("api_key", other)])).StatusCode);
        var perIp = await city.TryOpen311Submit([.. Forms.Report("M07001", lon: 110.3330, description: "再一个"), new("api_key", other)], format: "xml");
        Assert.Equal(HttpStatusCode.TooManyRequests, perIp.StatusCode);
        Assert.True(perIp.Headers.Contains("Retry-After"));
        Assert.Contains("address", Open311Asserts.AssertErrorBody(await perIp.Content.ReadAsStringAsync(), 429, xml: true));

        // Reading is not limited.
        Assert.Equal(HttpStatusCode.OK, (await city.Anonymous.GetAsync("/open311/v2/requests.json")).StatusCode);
    }
}
