using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.Browser.Tests;

[Collection(StaffSiteCollection.Name)]
public sealed class CommandCentreTests(StaffSite site)
{
    /// <summary>The shift lead's wall at 1920×1080: a hotline report made elsewhere arrives without a reload as the newest
    /// feed line, an alert with a chime, and a marker on the map; the alert is acknowledged; then the same wall at a
    /// desktop and a phone width, without sideways scrolling.</summary>
    [Fact]
    public async Task ANewCase_ArrivesLiveOnTheWall_AsFeedLineAlertAndMarker_AndTheAlertIsAcknowledged()
    {
        var page = await site.SignInAsync("shiftlead");
        await page.SetViewportSizeAsync(1920, 1080);
        await page.GotoAsync("/command");
        // The wall goes live once its interactive circuit has started: allow a loaded machine (the whole suite) its time.
        await Assertions.Expect(page.GetByTestId("live-state")).ToHaveTextAsync("实时更新中", new() { Timeout = 60_000 });
        var map = page.GetByTestId("command-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-cases", new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
        await Assertions.Expect(page.GetByTestId("league").Locator("tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("overdue-list").Locator("li").First).ToBeVisibleAsync();
        var openBefore = int.Parse(await page.GetByTestId("open-count").TextContentAsync() ?? "0", CultureInfo.InvariantCulture);
        var navigations = 0;
        page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame) navigations++; };

        // Someone else reports a problem through the hotline, through the API.
        using var hotline = await site.ApiAsAsync("operator");
        var response = await hotline.PostAsJsonAsync("/api/v1/cases", new
        {
            channel = "Hotline", description = "指挥中心实时测试：路灯不亮", kind = "matter", typeCode = "06010",
            longitude = 110.3312, latitude = 20.0215, reporterPhone = "13900000000",
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var number = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("case").GetProperty("number").GetString();

        await Assertions.Expect(page.Locator("[data-testid=feed] li").First).ToHaveAttributeAsync("data-number", number!);
        await Assertions.Expect(page.GetByTestId("alerts").Locator($"li[data-number='{number}']")).ToContainTextAsync("新上报");
        await Assertions.Expect(map.Locator($".case-pin[data-number='{number}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("command-wall")).ToHaveAttributeAsync("data-chimes", "1");
        await Assertions.Expect(page.GetByTestId("open-count")).ToHaveTextAsync((openBefore + 1).ToString(CultureInfo.InvariantCulture));
        Assert.Equal(0, navigations);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight - window.innerHeight")); // one screen
        await StaffSite.ScreenshotAsync(page, "command-wall-1920");

        await page.GetByTestId("alerts").Locator($"li[data-number='{number}']").GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("alert-count")).ToHaveTextAsync("0");
        await page.GetByTestId("sound").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sound")).ToHaveAttributeAsync("aria-pressed", "false");

        foreach (var (width, height) in new[] { (1440, 900), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            await Assertions.Expect(map).ToHaveAttributeAsync("data-cases", new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"sideways scroll at {width} px");
            await StaffSite.ScreenshotAsync(page, $"command-wall-{width}");
        }
    }
}
