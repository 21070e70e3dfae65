using System.Text.RegularExpressions;
using CivicGrid.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.Browser.Tests;

/// <summary>The public map reads like a service (issue 17 item 6): markers coloured by where a report stands, with a
/// legend in the page's language, and filters for open reports and the period.</summary>
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
        }
        finally
        {
            await context.DisposeAsync();
        }
    }
}
