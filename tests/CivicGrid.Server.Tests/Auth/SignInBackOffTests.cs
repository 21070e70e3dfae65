using System.Net;
using CivicGrid.Server.Platform.Auth;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Auth;

/// <summary>The sign-in page is limited per client address like the token API, and failed passwords slow down
/// only the client that made them: a stranger guessing cannot lock the real user out.</summary>
public sealed class SignInBackOffTests : IAsyncDisposable
{
    private readonly SqliteTestDatabase _database = new();
    private readonly TestLogSink _log = new();
    private RunningServer? _server;

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<RunningServer> StartAsync(params string[] args)
    {
        await _database.InitializeAsync();
        return _server = await RunningServer.StartAsync(_database, _log.AddTo, demo: true, [StaffAccounts.DemoPasswordArg, .. args]);
    }

    [Fact]
    public async Task SignInPage_AfterTooManyPostsFromOneAddress_Answers429_WhileAnotherAddressMayStillSignIn()
    {
        var server = await StartAsync("--Auth:SignInFormPostsPerIpPerMinute=3", "--Auth:FailedSignInsPerUserPerMinute=100");
        using var guesser = new SignInForm(server.Client.BaseAddress!, "198.51.100.9");
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var failed = await guesser.PostAsync("user" + attempt, "wrong");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            Assert.True(SignInForm.ShowsError(await failed.Content.ReadAsStringAsync()));
        }

        var limited = await guesser.PostAsync("admin", StaffAccounts.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter?.Delta);
        Assert.Contains(_log.WithEventId(AuthLog.SignInRateLimitedEventId), e => e.Message.Contains("198.51.100.9", StringComparison.Ordinal));

        using var colleague = new SignInForm(server.Client.BaseAddress!, "203.0.113.5");
        Assert.True(SignInForm.SignedIn(await colleague.PostAsync("admin", StaffAccounts.Password)));
    }

    [Fact]
    public async Task SignInPage_FailuresFromAStranger_DoNotLockTheUserOut_OnTheirOwnClient()
    {
        var server = await StartAsync("--Auth:FailedSignInsPerUserPerMinute=2");
        using var stranger = new SignInForm(server.Client.BaseAddress!, "198.51.100.9");
        Assert.False(SignInForm.SignedIn(await stranger.PostAsync("admin", "wrong-1")));
        Assert.False(SignInForm.SignedIn(await stranger.PostAsync("admin", "wrong-2")));
        var blocked = await stranger.PostAsync("admin", StaffAccounts.Password);
        Assert.False(SignInForm.SignedIn(blocked), "the guessing client is slowed down, even with the right password");
        Assert.Contains(_log.WithEventId(AuthLog.SignInRateLimitedEventId), e => e.Message.Contains("admin", StringComparison.Ordinal));

        using var owner = new SignInForm(server.Client.BaseAddress!, "203.0.113.5");
        Assert.True(SignInForm.SignedIn(await owner.PostAsync("admin", StaffAccounts.Password)));
    }

    [Fact]
    public async Task TokenApi_FailuresFromAStranger_DoNotLockTheUserOut_OnTheirOwnClient()
    {
        var server = await StartAsync("--Auth:FailedSignInsPerUserPerMinute=2");
        async Task<HttpStatusCode> TokenFrom(string ip, string password)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
            {
                Content = System.Net.Http.Json.JsonContent.Create(new { username = "admin", password }),
            };
            request.Headers.Add("X-Forwarded-For", ip);
            return (await server.Client.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await TokenFrom("198.51.100.9", "wrong-1"));
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenFrom("198.51.100.9", "wrong-2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await TokenFrom("198.51.100.9", StaffAccounts.Password));
        Assert.Equal(HttpStatusCode.OK, await TokenFrom("203.0.113.5", StaffAccounts.Password));
    }
}
