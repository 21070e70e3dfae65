using System.Net;
using CivicGrid.Server.Tests.Auth;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Hosting;

/// <summary>Every answer tells the browser what it may run and send (CSP, nosniff, Referrer-Policy); behind the TLS
/// proxy, HTTPS requests get HSTS and Secure cookies, and each client its own rate-limit bucket.
/// The class shares one server: the tests only read, sign in from an address of their own, and the rate-limit test
/// reports from forwarded addresses no other test uses.</summary>
public sealed class SecurityHeadersTests(SecurityHeadersTests.City city) : IClassFixture<SecurityHeadersTests.City>
{
    /// <summary>The demo city allowing one public report per address and minute, with a configured basemap.</summary>
    public sealed class City() : CityHost<SqliteTestDatabase>(CityOptions.DemoCity.With(
        "--PublicService:ReportsPerIpPerMinute=1", "--Map:TileUrl=https://{s}.tiles.example/{z}/{x}/{y}.png"));

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content) : "";

    [Theory]
    [InlineData("/login")]
    [InlineData("/public/map")]
    [InlineData("/js/maps.js")]
    [InlineData("/api/public/notices")]
    [InlineData("/api/v1/cases")]
    [InlineData("/no-such-page")]
    public async Task EveryAnswer_CarriesTheContentSecurityPolicy_NoSniff_AndAReferrerPolicy(string path)
    {
        var response = await city.Anonymous.GetAsync(path);

        var policy = Header(response, "Content-Security-Policy");
        var scripts = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.Equal("script-src 'self'", scripts);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("https://*.tiles.example", policy, StringComparison.Ordinal); // the configured basemap may load
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task ThePages_HaveNoInlineScript()
    {
        foreach (var path in new[] { "/login", "/public", "/public/map", "/public/report" })
        {
            var html = await city.Anonymous.GetStringAsync(path);
            foreach (System.Text.RegularExpressions.Match script in System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*>"))
                Assert.Contains(" src=", script.Value, StringComparison.Ordinal);
            Assert.DoesNotMatch(" on[a-z]+=\"", html);
        }
    }

    [Fact]
    public async Task BehindTheTlsProxy_HttpsRequests_GetHstsAndSecureCookies_PlainOnesDoNot()
    {
        using var secure = new SignInForm(city.Anonymous.BaseAddress!, "203.0.113.5", https: true);
        var page = await secure.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/login"));
        Assert.StartsWith("max-age=", Header(page, "Strict-Transport-Security"), StringComparison.Ordinal);
        Assert.All(secure.LastSetCookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        var signedIn = await secure.PostAsync("admin", StaffAccounts.Password);
        Assert.True(SignInForm.SignedIn(signedIn));
        Assert.Contains(secure.LastSetCookies, c => c.StartsWith("civicgrid.staff=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("secure", string.Join(";", (await secure.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/culture?lang=en&returnUrl=/public"))).Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);

        using var plain = new SignInForm(city.Anonymous.BaseAddress!);
        var plainPage = await plain.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/login"));
        Assert.Equal("", Header(plainPage, "Strict-Transport-Security"));
        Assert.DoesNotContain(plain.LastSetCookies, c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task BehindTheProxy_EachForwardedClient_HasItsOwnRateLimit()
    {
        async Task<HttpStatusCode> ReportFrom(string ip)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/public/reports") { Content = System.Net.Http.Json.JsonContent.Create(new { description = "x" }) };
            request.Headers.Add("X-Forwarded-For", ip);
            return (await city.Anonymous.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.BadRequest, await ReportFrom("198.51.100.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await ReportFrom("198.51.100.1"));
        Assert.Equal(HttpStatusCode.BadRequest, await ReportFrom("198.51.100.2"));
    }
}
