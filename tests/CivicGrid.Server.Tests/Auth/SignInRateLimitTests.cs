using System.Net;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Auth;

/// <summary>Password guessing is throttled per client address and per user name, with 429 and Retry-After.</summary>
public sealed class SignInRateLimitTests : IAsyncDisposable
{
    private CityHost<SqliteTestDatabase>? _city;

    public async ValueTask DisposeAsync()
    {
        if (_city is not null) await _city.DisposeAsync();
    }

    [Fact]
    public async Task Token_AfterTooManyRequestsFromOneAddress_Answers429WithRetryAfter()
    {
        _city = await CityHost.StartAsync<SqliteTestDatabase>(
            CityOptions.DemoCity.With("--Auth:TokenRequestsPerIpPerMinute=3", "--Auth:FailedSignInsPerUserPerMinute=100"));

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var failed = await _city.Anonymous.RequestTokenAsync("guess" + attempt, "wrong");
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }
        var limited = await _city.Anonymous.RequestTokenAsync("admin", StaffAccounts.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Token_AfterTooManyFailuresForOneUserName_Answers429ForThatNameOnly()
    {
        _city = await CityHost.StartAsync<SqliteTestDatabase>(
            CityOptions.DemoCity.With("--Auth:TokenRequestsPerIpPerMinute=100", "--Auth:FailedSignInsPerUserPerMinute=2"));
        await StaffAccounts.AddAsync(_city.Database, "inspector.1", Roles.Inspector, DataScope.WholeCity);

        Assert.Equal(HttpStatusCode.OK, (await _city.Anonymous.RequestTokenAsync("admin", StaffAccounts.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _city.Anonymous.RequestTokenAsync("admin", "wrong-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _city.Anonymous.RequestTokenAsync("ADMIN", "wrong-2")).StatusCode);

        var limited = await _city.Anonymous.RequestTokenAsync("admin", StaffAccounts.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, (await _city.Anonymous.RequestTokenAsync("inspector.1", StaffAccounts.Password)).StatusCode);
    }
}
