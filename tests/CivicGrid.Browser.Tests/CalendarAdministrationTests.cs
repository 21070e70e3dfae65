using CivicGrid.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.Browser.Tests;

[Collection(StaffSiteCollection.Name)]
public sealed class CalendarAdministrationTests(StaffSite site)
{
    [Fact]
    public async Task TheCalendarPage_WarnsThatTheNext60DaysAreNotCovered_UntilTheNextYearHasAHoliday()
    {
        // The site's clock is 26 Nov 2026; the shipped schedules end with 2026.
        var page = await site.SignInAsync("admin");
        await page.GotoAsync("/admin/calendar");
        await Assertions.Expect(page.GetByTestId("calendar-coverage")).ToContainTextAsync("2026-12-31");
        await Assertions.Expect(page.Locator("[data-testid=days] tr[data-date='2025-01-28']")).ToHaveCountAsync(1);

        await page.Locator("#day-date").FillAsync("2027-01-01");
        await page.Locator("#day-kind").SelectOptionAsync("Holiday");
        await page.Locator("#day-name").FillAsync("元旦");
        await page.Locator("section[aria-labelledby=add-day] button[type=submit]").ClickAsync();

        await Assertions.Expect(page.GetByTestId("admin-message")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=days] tr[data-date='2027-01-01']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("calendar-coverage")).ToHaveCountAsync(0);
    }
}
