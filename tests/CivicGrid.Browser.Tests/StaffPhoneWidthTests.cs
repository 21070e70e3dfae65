using CivicGrid.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.Browser.Tests;

/// <summary>The staff lists and the administration fit a phone (issue 18 items 1 and 8): at 390 px the queues, the case
/// list, a case and the administration of users, departments and routing rules have no horizontal scroll (tables
/// become cards), and they name places, not codes. Each screen is kept at 390×844 and 1440×900 in artifacts/screenshots.</summary>
[Collection(StaffSiteCollection.Name)]
public sealed class StaffPhoneWidthTests(StaffSite site)
{
    [Fact]
    public async Task QueuesCasesAndAdministration_HaveNoHorizontalScrollAt390px_AndNamePlaces()
    {
        var screens = new (string User, string Path, string Name)[]
        {
            ("operator", "/queue/register", "operator-register-queue"),
            ("operator", "/cases", "operator-cases"),
            ("dispatcher", "/queue/dispatch", "dispatcher-dispatch-queue"),
            ("handler.huanwei", "/queue/handle", "department-handle-queue"),
            ("admin", "/admin/users", "admin-users"),
            ("admin", "/admin/departments", "admin-departments"),
            ("admin", "/admin/routing", "admin-routing"),
        };
        var pages = new Dictionary<string, IPage>();
        foreach (var (user, path, name) in screens)
        {
            if (!pages.TryGetValue(user, out var page)) pages[user] = page = await site.SignInAsync(user, phone: true);
            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync(path);
            await StaffSite.ScreenshotAsync(page, name + "-390");
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 390, $"{path} is {width} px wide at 390 px");
            await page.SetViewportSizeAsync(1440, 900);
            await page.GotoAsync(path);
            await StaffSite.ScreenshotAsync(page, name + "-1440");
        }

        // Places by name: a scope reads "龙华区", not "区 460106"; a case row names its district.
        var admin = pages["admin"];
        await admin.GotoAsync("/admin/users");
        await Assertions.Expect(admin.Locator("[data-user='dispatcher.longhua'] [data-testid=user-scope]")).ToHaveTextAsync("龙华区");
        var operatorPage = pages["operator"];
        await operatorPage.GotoAsync("/cases");
        await Assertions.Expect(operatorPage.Locator("[data-testid=case-row] [data-testid=case-place]").First).ToContainTextAsync("区 · ");

        // A case page at 390 px.
        await operatorPage.SetViewportSizeAsync(390, 844);
        await operatorPage.Locator("[data-testid=case-row] a").First.ClickAsync();
        await Assertions.Expect(operatorPage.GetByTestId("case-number")).ToBeVisibleAsync();
        await StaffSite.ScreenshotAsync(operatorPage, "case-page-390");
        var caseWidth = await operatorPage.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(caseWidth <= 390, $"the case page is {caseWidth} px wide at 390 px");
    }
}
