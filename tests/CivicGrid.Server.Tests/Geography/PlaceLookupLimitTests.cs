using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Geography;

/// <summary>A server that allows two public look-ups per address and minute.</summary>
public sealed class TinyLookupLimitCity() : CityHost<SqliteTestDatabase>(CityOptions.EmptyCity.With("--Places:LookupsPerIpPerMinute=2"));

public sealed class PlaceLookupLimitTests(TinyLookupLimitCity city) : IClassFixture<TinyLookupLimitCity>
{
    [Fact]
    public async Task PublicLookups_ShareOneLimitPerAddress_AndBeyondItAnswer429WithRetryAfter()
    {
        using var search = await city.Anonymous.GetAsync("/api/public/places?q=" + Uri.EscapeDataString("龙昆"));
        using var basemap = await city.Anonymous.GetAsync("/api/public/basemap?bbox=110.3,20.0,110.4,20.1&zoom=14");
        using var refused = await city.Anonymous.GetAsync("/api/public/places/address?lat=20.02&lon=110.33");

        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Equal(HttpStatusCode.OK, basemap.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("look-ups", problem.GetProperty("detail").GetString());
    }
}
