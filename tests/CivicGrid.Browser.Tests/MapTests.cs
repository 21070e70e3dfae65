using System.Globalization;
using CivicGrid.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.Browser.Tests;

[Collection(StaffSiteCollection.Name)]
public sealed class MapTests(StaffSite site)
{
    /// <summary>The dispatcher's live map: cases drawn from the viewport API on the city's own basemap (no tiles), components
    /// off at this zoom, a legend; a pin's popup names type, place, department and deadline and links to the case; the
    /// light and type filters (by name) redraw.</summary>
    [Fact]
    public async Task TheLiveMap_ShowsALegend_AndPopupsWithTypePlaceDepartmentDeadlineAndLink_AndFiltersByTypeName()
    {
        var page = await site.SignInAsync("dispatcher");
        var failedRequests = new List<string>();
        page.RequestFailed += (_, request) => failedRequests.Add(request.Url);
        await page.GotoAsync("/map");
        var map = page.GetByTestId("live-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-cases", new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
        var shown = int.Parse(await map.GetAttributeAsync("data-cases") ?? "0", CultureInfo.InvariantCulture);
        Assert.Equal(shown, await map.Locator(".case-pin").CountAsync());
        Assert.True(await page.Locator(".leaflet-basemap-pane path").CountAsync() > 0, "no basemap drawn");
        Assert.Equal(0, await page.Locator(".leaflet-tile").CountAsync()); // no tiles configured: the city's own basemap
        Assert.False(await page.Locator("#map-filters input[name=components]").IsCheckedAsync()); // off at city zoom
        Assert.Equal(0, await page.Locator(".component-cluster").CountAsync());

        var legend = page.GetByTestId("map-legend");
        await Assertions.Expect(legend).ToContainTextAsync("红灯");
        await Assertions.Expect(legend.Locator("[data-legend-classes] li").First).ToBeVisibleAsync();

        // A dispatched case's pin: its popup names everything a dispatcher asks about.
        var pin = map.Locator(".case-pin[data-light=red]").First;
        await pin.DispatchEventAsync("click");
        var popup = page.GetByTestId("case-popup");
        await Assertions.Expect(popup).ToBeVisibleAsync();
        await Assertions.Expect(popup.GetByTestId("popup-type")).Not.ToBeEmptyAsync();
        await Assertions.Expect(popup.GetByTestId("popup-place")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("街道|社区"));
        await Assertions.Expect(popup.GetByTestId("popup-department")).Not.ToBeEmptyAsync();
        await Assertions.Expect(popup.GetByTestId("popup-deadline")).ToContainTextAsync("红灯");
        await Assertions.Expect(popup.GetByTestId("popup-case-link")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/cases/[0-9]+$"));
        var typeName = await popup.GetByTestId("popup-type").TextContentAsync();
        Assert.Empty(failedRequests);
        await StaffSite.ScreenshotAsync(page, "map");

        // The type filter takes the name; a name no type has is marked, not sent.
        await page.Locator("#map-type").FillAsync(typeName!);
        await page.Locator("#map-type").DispatchEventAsync("change");
        await Assertions.Expect(map).Not.ToHaveAttributeAsync("data-cases", shown.ToString(CultureInfo.InvariantCulture));
        Assert.True(await map.Locator(".case-pin").CountAsync() >= 1);
        await page.Locator("#map-type").FillAsync("没有这种类型");
        await page.Locator("#map-type").DispatchEventAsync("change");
        await Assertions.Expect(page.Locator("#map-type")).ToHaveAttributeAsync("aria-invalid", "true");

        // At a phone's width the map and its legend stack without sideways scrolling.
        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "sideways scroll at 390 px");
        await StaffSite.ScreenshotAsync(page, "map-390");
    }
}
