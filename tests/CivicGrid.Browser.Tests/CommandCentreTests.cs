using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.Browser.Tests;

[Collection(StaffSiteCollection.Name)]
public sealed class CommandCentreTests(StaffSite site)
{
    [Fact]
    public async Task ANewCase_AppearsInTheFeed_WithoutAReload()
    {
        var page = await site.SignInAsync("shiftlead");
        await page.GotoAsync("/command");
        await Assertions.Expect(page.GetByTestId("live-state")).ToHaveTextAsync("实时更新中");
        var openBefore = int.Parse(await page.GetByTestId("open-count").TextContentAsync() ?? "0", System.Globalization.CultureInfo.InvariantCulture);
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

        await Assertions.Expect(page.Locator($"[data-testid=feed] li[data-number='{number}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("open-count")).ToHaveTextAsync((openBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, navigations);
        await StaffSite.ScreenshotAsync(page, "command-centre");
    }
}
