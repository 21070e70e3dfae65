using CivicGrid.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.Browser.Tests;

[Collection(StaffSiteCollection.Name)]
public sealed class DashboardTests(StaffSite site)
{
    [Fact]
    public async Task ALeader_DrillsDownFromAFigureToItsCases_AndDownloadsTheEvaluationWorkbook()
    {
        var page = await site.SignInAsync("leader");
        await page.GotoAsync("/dashboard");
        var tile = page.GetByTestId("figure-registered");
        var shown = await tile.Locator(".tile-count").GetAttributeAsync("data-value");
        Assert.True(int.Parse(shown!, System.Globalization.CultureInfo.InvariantCulture) > 0, "the demo history registers cases this month");
        await Assertions.Expect(page.Locator(".chart svg")).ToBeVisibleAsync();
        await StaffSite.ScreenshotAsync(page, "dashboard");

        await tile.ClickAsync();
        await Assertions.Expect(page.GetByTestId("drill-figure")).ToHaveAttributeAsync("data-figure", shown!);
        Assert.True(await page.GetByTestId("drill-row").CountAsync() > 0);

        await page.GotoAsync("/dashboard");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.OrdinalIgnoreCase);
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path!);
        Assert.True(bytes.Length > 100 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K', "not an .xlsx (zip) file");
    }

    [Fact]
    public async Task TheDashboard_IsForLeadersOnly()
    {
        var page = await site.SignInAsync("handler.huanwei");
        await page.GotoAsync("/dashboard");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("无权访问");
    }
}
