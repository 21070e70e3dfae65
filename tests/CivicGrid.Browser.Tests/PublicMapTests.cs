using System.Text.RegularExpressions;
using CivicGrid.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.Browser.Tests;

/// <summary>The public map reads like a service (issue 17 item 6): markers coloured by where a report stands, with a
/// legend in the page's language, and filters for open reports and the period; a search box that flies the map to a
/// road, community or landmark; on a desktop the map uses the width, on a phone one column.</summary>
[Collection(StaffSiteCollection.Name)]
public sealed class PublicMapTests(StaffSite site)
{
    private const string Closed = "#188038";

    [Fact]
    public async Task MarkersAreColouredByStage_WithALegend_AndOpenOnlyHidesTheClosedOnes()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/public/map");
            var map = page.GetByTestId("public-map");
            await Assertions.Expect(map).ToHaveAttributeAsync("data-cases", new Regex("^[1-9][0-9]*$"));
            var all = int.Parse((await map.GetAttributeAsync("data-cases"))!);

            var legend = page.GetByTestId("public-map-legend").Locator("li");
            Assert.Equal(["已受理", "已立案", "处理中", "核查中", "已办结"], await legend.AllInnerTextsAsync());
            var colours = await page.EvaluateAsync<string[]>(
                "() => Array.from(document.querySelectorAll('[data-public-map] path.leaflet-interactive')).map(p => p.getAttribute('fill'))");
            Assert.Equal(all, colours.Length);
            var closed = colours.Count(c => c == Closed);
            Assert.True(closed > 0, "the demo city's last 30 days should have closed reports on the map");
            Assert.True(colours.Distinct().Count() >= 2, "every marker has the same colour: " + string.Join(",", colours.Distinct()));
            await Assertions.Expect(page.Locator("#public-map-status")).ToHaveTextAsync($"显示 {all} 条反映"); // the citizens' word, not 案件
            await StaffSite.ScreenshotAsync(page, "public-map-legend");

            await page.GetByLabel("只看未办结").CheckAsync();
            await Assertions.Expect(map).ToHaveAttributeAsync("data-cases", (all - closed).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(0, await page.Locator($"[data-public-map] path[fill='{Closed}']").CountAsync());

            await page.GetByLabel("时间范围").SelectOptionAsync("90");
            await Assertions.Expect(map).ToHaveAttributeAsync("data-cases", new Regex("^[0-9]+$"));
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.True(int.Parse((await map.GetAttributeAsync("data-cases"))!) >= all - closed, "a longer period shows fewer open reports");

            // On a desktop the map uses the width, beside the search, the filter and the legend.
            var mapBox = (await map.BoundingBoxAsync())!;
            var searchBox = (await page.GetByTestId("map-search").BoundingBoxAsync())!;
            Assert.True(mapBox.Width >= 900, $"the map is a narrow column ({mapBox.Width} px) on a 1440 px screen");
            Assert.True(searchBox.X + searchBox.Width <= mapBox.X, "the search is not beside the map");

            // The search box finds a road with the public place look-up; choosing it flies the map there.
            await page.GetByTestId("map-search").FillAsync("龙昆");
            var road = page.GetByTestId("map-search-results").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^龙昆南路") });
            await road.ClickAsync();
            await page.WaitForFunctionAsync("() => { const m = document.querySelector('[data-public-map]')._civicMap; const c = m.getCenter();"
                + " return m.getZoom() === 17 && c.lng > 110.32 && c.lng < 110.35; }");
            await Assertions.Expect(page.GetByTestId("map-search")).ToHaveValueAsync(new Regex("^龙昆南路"));
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await StaffSite.ScreenshotAsync(page, "public-map-desktop");

            // On a phone the page stays one column, as wide as the screen.
            await page.SetViewportSizeAsync(390, 844);
            await page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.NetworkIdle });
            mapBox = (await map.BoundingBoxAsync())!;
            Assert.InRange(mapBox.Width, 300, 390);
            Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "the public map is wider than the phone");
            await StaffSite.ScreenshotAsync(page, "public-map-phone");
        }
        finally
        {
            await context.DisposeAsync();
        }
    }
}
