using CivicGrid.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.Browser.Tests;

[Collection(StaffSiteCollection.Name)]
public sealed class MapTests(StaffSite site)
{
    [Fact]
    public async Task TheLiveMap_DrawsAreasComponentsAndOpenCases_FromTheViewportApi_WithoutTiles()
    {
        var page = await site.SignInAsync("dispatcher");
        var failedRequests = new List<string>();
        page.RequestFailed += (_, request) => failedRequests.Add(request.Url);
        await page.GotoAsync("/map");
        var map = page.GetByTestId("live-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-cases", new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
        var shown = int.Parse(await map.GetAttributeAsync("data-cases") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await page.Locator(".leaflet-overlay-pane path.leaflet-interactive").CountAsync() >= shown, "case markers missing");
        Assert.True(await page.Locator(".leaflet-overlay-pane path").CountAsync() > shown, "no area outlines drawn");
        Assert.Equal(0, await page.Locator(".leaflet-tile").CountAsync()); // no basemap configured: vector layers only
        Assert.Empty(failedRequests);
        await StaffSite.ScreenshotAsync(page, "map");

        // Filtering to red lights redraws with at most as many cases.
        await page.Locator("#map-light").SelectOptionAsync("red");
        await Assertions.Expect(map).Not.ToHaveAttributeAsync("data-cases", shown.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
