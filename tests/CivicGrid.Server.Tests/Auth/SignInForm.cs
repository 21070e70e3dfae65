using System.Net;
using System.Text.RegularExpressions;

namespace CivicGrid.Server.Tests.Auth;

/// <summary>A browser's view of the sign-in page, over plain HTTP: GET /login for the antiforgery token and cookie,
/// then POST the form. Cookies are carried by hand (a Secure cookie set behind the TLS proxy must still travel), and
/// every request may claim a client address through the trusted loopback proxy (X-Forwarded-For).</summary>
internal sealed partial class SignInForm(Uri baseAddress, string? clientIp = null, bool https = false) : IDisposable
{
    private readonly HttpClient _client = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = baseAddress };
    private readonly Dictionary<string, string> _cookies = [];

    /// <summary>The Set-Cookie headers of the last answer, as sent.</summary>
    public IReadOnlyList<string> LastSetCookies { get; private set; } = [];

    public bool HasCookie(string name) => _cookies.ContainsKey(name);

    /// <summary>Posts user name and password; 302 (signed in), 200 (the page again, with an error) or 429;
    /// <paramref name="userAgent"/> and <paramref name="windowWidth"/> (what site.js reports) are sent when given.</summary>
    public async Task<HttpResponseMessage> PostAsync(string userName, string password, string? userAgent = null, int? windowWidth = null)
    {
        var page = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/login"));
        var token = AntiforgeryToken(await page.Content.ReadAsStringAsync());
        var post = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["__RequestVerificationToken"] = token,
                ["Input.UserName"] = userName, ["Input.Password"] = password, ["Input.ReturnUrl"] = "/",
                ["Input.WindowWidth"] = windowWidth?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            }),
        };
        if (userAgent is not null) post.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        return await SendAsync(post);
    }

    /// <summary>Sends with this client's cookies and address, and keeps the cookies the answer sets.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        if (clientIp is not null) request.Headers.Add("X-Forwarded-For", clientIp);
        if (https)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Host = "city.example";
        }
        var response = await _client.SendAsync(request);
        LastSetCookies = response.Headers.TryGetValues("Set-Cookie", out var set) ? set.ToList() : [];
        foreach (var cookie in LastSetCookies)
        {
            var pair = cookie.Split(';')[0].Split('=', 2);
            if (cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) _cookies.Remove(pair[0]);
            else _cookies[pair[0]] = pair[1];
        }
        return response;
    }

    public static bool ShowsError(string html) => html.Contains("data-testid=\"login-error\"", StringComparison.Ordinal);

    public static bool SignedIn(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
        && response.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.StartsWith("civicgrid.staff=", StringComparison.Ordinal));

    public static string AntiforgeryToken(string html)
    {
        var match = TokenField().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
