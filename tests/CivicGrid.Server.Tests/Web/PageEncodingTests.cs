using System.Text;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Web;

/// <summary>Pages are sent as UTF-8 text: Chinese is written as characters, not as numeric entities, so pages stay
/// small and readable in view-source; what users typed is still escaped.
/// The tests only read pages, so the class shares one server.</summary>
public sealed class PageEncodingTests(EmptySqliteCity city) : IClassFixture<EmptySqliteCity>
{
    [Fact]
    public async Task TheLoginPage_CarriesItsChineseTitleVerbatim_InUtf8()
    {
        var response = await city.Anonymous.GetAsync("/login");
        response.EnsureSuccessStatusCode();
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet, ignoreCase: true);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var html = Encoding.UTF8.GetString(bytes);
        Assert.Contains("工作人员登录", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x5DE5;", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task MarkupInAQueryString_IsStillEscaped()
    {
        var html = await city.Anonymous.GetStringAsync("/login?ReturnUrl=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
    }
}
