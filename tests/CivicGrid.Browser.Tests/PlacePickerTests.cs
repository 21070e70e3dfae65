using System.Text.RegularExpressions;
using CivicGrid.Browser.Tests.Infrastructure;
using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CivicGrid.Browser.Tests;

/// <summary>Places and addresses on a phone (issue 17 items 1 and 2), with no tile service configured: the maps draw
/// the city from its own model with road names; the report form's search moves the map and the pin, the address follows
/// the pin and stays editable, and the case keeps what the citizen sent.</summary>
[Collection(StaffSiteCollection.Name)]
public sealed class PlacePickerTests(StaffSite site)
{
    [Fact]
    public async Task ACitizenSearchesARoad_TheMapMovesThere_ThePinFillsTheAddress_AndTheCaseKeepsTheEditedOne()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, Locale = "zh-CN",
        });
        context.SetDefaultTimeout(45_000);
        context.SetDefaultNavigationTimeout(90_000);
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/public/report");
            var map = page.GetByTestId("place-map");
            await Assertions.Expect(map).ToHaveAttributeAsync("data-basemap", "drawn");
            Assert.True(await map.Locator(".basemap-label-road").CountAsync() > 0, "the report map shows no road names");

            await page.GetByTestId("place-search").FillAsync("龙昆");
            var result = page.GetByTestId("place-results").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^龙昆南路") });
            await Assertions.Expect(result).ToBeVisibleAsync();
            await StaffSite.ScreenshotAsync(page, "place-picker-search");
            await result.ClickAsync();

            var address = page.GetByTestId("place-address");
            await Assertions.Expect(address).ToHaveValueAsync(new Regex("(社区|村) · 龙昆南路附近$"));
            var pin = (Lon: double.Parse(await page.GetByLabel("经度").InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture),
                Lat: double.Parse(await page.GetByLabel("纬度").InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture));
            var centre = await page.EvaluateAsync<double[]>("() => { const c = document.querySelector('[data-pick-map]')._civicMap.getCenter(); return [c.lng, c.lat]; }");
            Assert.InRange(Math.Abs(centre[0] - pin.Lon), 0, 1e-4);
            Assert.InRange(Math.Abs(centre[1] - pin.Lat), 0, 1e-4);
            Assert.InRange(pin.Lon, 110.32, 110.35); // 龙昆南路 runs at ≈ 110.335° E
            Assert.Equal(17, await page.EvaluateAsync<int>("() => document.querySelector('[data-pick-map]')._civicMap.getZoom()"));
            await Assertions.Expect(map.Locator(".basemap-label-road", new() { HasText = "龙昆南路" }).First).ToBeAttachedAsync();
            Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "the report form is wider than the phone");
            await StaffSite.ScreenshotAsync(page, "place-picker-address");
            // GCJ-02 tiles (Map:TileCrs=gcj02) project through the published offset: wandergis/coordtransform's reference pair.
            var gcj = await page.EvaluateAsync<double[]>("() => civicGridBasemap.toGcj02(39.915, 116.404)");
            Assert.Equal([39.91640428150164, 116.41024449916938], gcj.Select(v => Math.Round(v, 9)), new RoundedTo9());
            var back = await page.EvaluateAsync<double[]>("() => civicGridBasemap.fromGcj02(39.91640428150164, 116.41024449916938)");
            Assert.InRange(Math.Abs(back[0] - 39.915) + Math.Abs(back[1] - 116.404), 0, 1e-8);

            // The address stays editable; what the citizen sends is what staff see.
            var edited = (await address.InputValueAsync()) + "（公交站旁）";
            await address.FillAsync(edited);
            await page.GetByText("井盖缺失").First.ClickAsync(); // the citizen problem (issue 17 item 3)
            await page.Locator("#description").FillAsync("井盖缺失，place-picker 浏览器测试");
            await page.GetByTestId("public-submit").ClickAsync();
            await page.WaitForURLAsync(new Regex("/public/track/"));
            await using var scope = site.Server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
            var sent = await db.Cases.AsNoTracking().Where(c => c.Description.Contains("place-picker 浏览器测试")).Select(c => c.Address).SingleAsync();
            Assert.Equal(edited, sent);

            // The public map draws the same basemap, with road names, without tiles.
            await page.GotoAsync("/public/map");
            await Assertions.Expect(page.GetByTestId("public-map")).ToHaveAttributeAsync("data-basemap", "drawn");
            Assert.True(await page.Locator("[data-public-map] .basemap-label-road").CountAsync() > 0, "the public map shows no road names");
            await StaffSite.ScreenshotAsync(page, "public-map-basemap-phone");
        }
        finally
        {
            await context.DisposeAsync();
        }
    }
}

internal sealed class RoundedTo9 : IEqualityComparer<double>
{
    public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-8;
    public int GetHashCode(double value) => 0;
}
