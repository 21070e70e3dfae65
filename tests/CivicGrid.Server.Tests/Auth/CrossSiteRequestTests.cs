using System.Net;
using System.Text;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Auth;

/// <summary>A page on another site cannot make a signed-in browser change anything: cookie-authenticated API calls
/// need a JSON body and a same-origin request, and signing out needs the form's antiforgery token.</summary>
public sealed class CrossSiteRequestTests : IAsyncLifetime, IDisposable
{
    private CityHost<SqliteTestDatabase> _city = null!;
    private SignInForm _browser = null!;

    public async Task InitializeAsync()
    {
        _city = await CityHost.StartAsync<SqliteTestDatabase>(CityOptions.DemoCity);
        _browser = new SignInForm(_city.Anonymous.BaseAddress!);
        Assert.True(SignInForm.SignedIn(await _browser.PostAsync("inspector", StaffAccounts.Password)));
    }

    public void Dispose() => _browser?.Dispose();

    public async Task DisposeAsync()
    {
        await _city.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostCaseAsync(string mediaType, Action<HttpRequestMessage>? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = new StringContent("{}", Encoding.UTF8, mediaType) };
        headers?.Invoke(request);
        return _browser.SendAsync(request);
    }

    [Fact]
    public async Task ACookieCall_WithATextPlainBody_Is415_NamingTheContentType()
    {
        var response = await PostCaseAsync("text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("Content-Type", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task ACookieCall_FromAnotherSite_Is403(string header, string value)
    {
        var response = await PostCaseAsync("application/json", r => r.Headers.Add(header, value));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ACookieCall_FromThisSite_ReachesTheHandler()
    {
        var origin = _city.Anonymous.BaseAddress!.GetLeftPart(UriPartial.Authority);
        var response = await PostCaseAsync("application/json", r =>
        {
            r.Headers.Add("Origin", origin);
            r.Headers.Add("Sec-Fetch-Site", "same-origin");
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode); // validated: the body "{}" is no report
    }

    [Fact]
    public async Task Logout_WithoutTheAntiforgeryToken_Is400_AndKeepsTheUserSignedIn()
    {
        var logout = await _browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/logout") { Content = new FormUrlEncodedContent([]) });

        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me"))).StatusCode);
    }

    [Fact]
    public async Task Logout_WithTheAntiforgeryToken_SignsOut()
    {
        var page = await _browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/"));
        for (var hops = 0; page.Headers.Location is { } next && hops < 3; hops++)
            page = await _browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, next));
        var token = SignInForm.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        var logout = await _browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/logout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        });

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me"))).StatusCode);
    }
}
