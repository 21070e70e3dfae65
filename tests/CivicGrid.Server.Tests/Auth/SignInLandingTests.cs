using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Auth;

/// <summary>Where the sign-in page sends a person who asked for no page (issue 18 items 5 and 6; StaffLanding): an
/// inspector on a phone to /m, a leader to the dashboard, everyone else to their work queues. Sign-ins change nothing
/// the other tests read, so the class shares one demo city; each case signs in from its own address (the per-address limit).</summary>
public sealed class SignInLandingTests(SqliteCity city) : IClassFixture<SqliteCity>
{
    private const string PhoneAgent = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";
    private const string IPhoneAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
    private const string DesktopAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

    [Theory]
    [InlineData("inspector", PhoneAgent, null, "/m", "198.51.100.21")]
    [InlineData("inspector", IPhoneAgent, null, "/m", "198.51.100.22")]
    [InlineData("inspector", DesktopAgent, 390, "/m", "198.51.100.23")]
    [InlineData("inspector", DesktopAgent, 1440, "/", "198.51.100.24")]
    [InlineData("inspector", DesktopAgent, null, "/", "198.51.100.25")]
    [InlineData("leader", DesktopAgent, 1440, "/dashboard", "198.51.100.26")]
    [InlineData("leader", PhoneAgent, 390, "/dashboard", "198.51.100.27")]
    [InlineData("dispatcher", PhoneAgent, 390, "/", "198.51.100.28")]
    [InlineData("operator", DesktopAgent, 1440, "/", "198.51.100.29")]
    public async Task SigningIn_WithoutAReturnPage_LandsWhereTheRoleWorks(string user, string agent, int? width, string landing, string address)
    {
        using var browser = new SignInForm(city.Anonymous.BaseAddress!, address);

        var response = await browser.PostAsync(user, StaffAccounts.Password, agent, width);

        Assert.True(SignInForm.SignedIn(response), $"{user} was not signed in ({response.StatusCode})");
        Assert.Equal(landing, response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task AReturnPage_StillWins_OverTheLanding()
    {
        using var browser = new SignInForm(city.Anonymous.BaseAddress!, "198.51.100.30");
        var page = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/login?ReturnUrl=%2Fcases"));
        var token = SignInForm.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        var response = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.UserName"] = "leader",
                ["Input.Password"] = StaffAccounts.Password, ["Input.ReturnUrl"] = "/cases", ["Input.WindowWidth"] = "390",
            }),
        });

        Assert.True(SignInForm.SignedIn(response));
        Assert.Equal("/cases", response.Headers.Location?.AbsolutePath);
    }
}
