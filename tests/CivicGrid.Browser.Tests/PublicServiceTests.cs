using CivicGrid.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.Browser.Tests;

/// <summary>The public pages open without signing in. (A citizen's report, tracking and rating on a phone: <see cref="CitizenWalkTests"/>.)</summary>
[Collection(StaffSiteCollection.Name)]
public sealed class PublicServiceTests(StaffSite site)
{
    [Fact]
    public async Task ThePublicPages_NeedNoSignIn_AndAnUnknownTokenSaysSo()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl });
        var page = await context.NewPageAsync();
        foreach (var path in new[] { "/public", "/public/report", "/public/map", "/public/notices" })
        {
            await page.GotoAsync(path);
            Assert.DoesNotContain("/login", page.Url, StringComparison.Ordinal);
        }
        await page.GotoAsync("/public/map");
        await Assertions.Expect(page.GetByTestId("public-map")).ToHaveAttributeAsync("data-cases", new System.Text.RegularExpressions.Regex("^[0-9]+$"));
        await page.GotoAsync("/public/track/not-a-real-token");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("查询链接无效");
        await context.DisposeAsync();
    }
}
