using CivicGrid.Browser.Tests.Infrastructure;
using CivicGrid.Data;
using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CivicGrid.Browser.Tests;

/// <summary>An administrator keeps departments and case standards in the browser.</summary>
[Collection(StaffSiteCollection.Name)]
public sealed class ReferenceDataAdministrationTests(StaffSite site)
{
    [Fact]
    public async Task AnAdministrator_CreatesADepartment_AndItIsListed()
    {
        var page = await site.SignInAsync("admin");
        await page.GotoAsync("/admin/departments");
        await page.GetByTestId("new-department").ClickAsync();
        await page.GetByLabel("代码", new() { Exact = true }).FillAsync("HK-BM-460106");
        await page.GetByLabel("名称", new() { Exact = true }).FillAsync("龙华区病媒生物防制站");
        await page.GetByLabel("英文名称").FillAsync("Longhua pest control station");
        await page.Locator("#department-level").SelectOptionAsync("Team");
        await page.Locator("input[data-kind=HandlingUnit]").CheckAsync();
        await page.Locator("#department-district").SelectOptionAsync("460106");
        await page.GetByTestId("department-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("admin-message")).ToBeVisibleAsync();

        await page.GotoAsync("/admin/departments");
        var row = page.Locator("[data-department='HK-BM-460106']");
        await Assertions.Expect(row).ToContainTextAsync("龙华区病媒生物防制站");
        await Assertions.Expect(row).ToContainTextAsync("处置单位");
        await using var scope = site.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        var stored = await db.Departments.AsNoTracking().SingleAsync(d => d.Code == "HK-BM-460106");
        Assert.Equal(DepartmentKinds.HandlingUnit, stored.Kinds);
        Assert.Equal("460106", stored.DistrictCode);
        Assert.True(stored.IsActive);
    }

    [Fact]
    public async Task AnAdministrator_EditsACaseStandard_FixingAnInvalidLimitShownBesideIt_AndTheNewLimitIsListed()
    {
        var page = await site.SignInAsync("admin");
        await page.GotoAsync("/admin/catalogue");
        await page.Locator("[data-type=matter-09005] a").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("编辑类型与立结案标准");
        var limit = page.GetByLabel("处置时限（工时类按分钟，日类按天）");
        await limit.FillAsync("0");
        await page.GetByTestId("standard-save").ClickAsync();
        var error = page.GetByTestId("error-timeLimitAmount");
        await Assertions.Expect(error).ToBeVisibleAsync();
        await Assertions.Expect(error).ToContainTextAsync("时限须为正整数");
        Assert.Equal("timeLimitAmount-error", await page.Locator("#standard-limit").GetAttributeAsync("aria-describedby"));
        await StaffSite.ScreenshotAsync(page, "admin-case-standard");

        await limit.FillAsync("3");
        await page.Locator("#standard-timetype").SelectOptionAsync("natural_day");
        await page.GetByLabel("结案条件").FillAsync("经营物品已收回店内，门前整洁");
        await page.GetByTestId("standard-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("admin-message")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#standard-limit")).ToHaveValueAsync("3");

        await page.GotoAsync("/admin/catalogue");
        var row = page.Locator("[data-type=matter-09005]");
        await Assertions.Expect(row).ToContainTextAsync("3 自然日");
        await Assertions.Expect(row).ToContainTextAsync("经营物品已收回店内，门前整洁");
        await using var scope = site.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        var standard = await db.CaseStandards.AsNoTracking().SingleAsync(s => s.Kind == CatalogueKind.Matter && s.TypeCode == "09005");
        Assert.Equal((TimeType.NaturalDay, 3), (standard.TimeType, standard.TimeLimitAmount));
    }
}
