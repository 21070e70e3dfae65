using CivicGrid.Browser.Tests.Infrastructure;
using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CivicGrid.Browser.Tests;

[Collection(StaffSiteCollection.Name)]
public sealed class AdministrationTests(StaffSite site)
{
    [Fact]
    public async Task AnAdministrator_AddsARoutingRule_WithAValidationErrorFirst_AndItIsStored()
    {
        var page = await site.SignInAsync("admin");
        await page.GotoAsync("/admin/routing");
        var before = await page.Locator("[data-testid=rules] tbody tr").CountAsync();
        await page.GetByLabel("区域代码（区、街道、社区或网格代码前缀）").FillAsync("4601");
        await page.GetByTestId("add-rule").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-areaCode")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("error-departmentId")).ToBeVisibleAsync();

        await page.GetByLabel("区域代码（区、街道、社区或网格代码前缀）").FillAsync("460106");
        await page.Locator("#rule-department").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByTestId("add-rule").ClickAsync();
        await Assertions.Expect(page.GetByTestId("admin-message")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=rules] tbody tr")).ToHaveCountAsync(before + 1);
        await using var scope = site.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        Assert.True(await db.RoutingRules.AnyAsync(r => r.AreaCode == "460106" && r.TypeCode == null));
    }

    [Fact]
    public async Task AnAdministrator_CreatesAUser_AfterFixingTheForm_AndTheUserSignsInToTheirQueues()
    {
        var page = await site.SignInAsync("admin");
        await page.GotoAsync("/admin/users");
        await page.GetByTestId("new-user").ClickAsync();
        await page.GetByTestId("user-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-userName")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("error-password")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("error-roles")).ToBeVisibleAsync();

        await page.GetByLabel("用户名").FillAsync("inspector.new");
        await page.GetByLabel("姓名").FillAsync("新监督员");
        await page.GetByLabel("初始密码（至少 12 位）").FillAsync(StaffSite.Password);
        await page.Locator("input[data-role=Inspector]").CheckAsync();
        await page.Locator("#scope").SelectOptionAsync("District");
        await page.GetByLabel("区或街道代码（区、街道范围时）").FillAsync("460106");
        await page.GetByTestId("user-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("admin-message")).ToBeVisibleAsync();

        var newcomer = await site.SignInAsync("inspector.new");
        await Assertions.Expect(newcomer.GetByTestId("queue-verify")).ToBeVisibleAsync();
        await Assertions.Expect(newcomer.GetByTestId("queue-dispatch")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnAdministrator_CannotDeactivateThemselves_AndASecondRuleForTheSameAreaIsRefused_OnThePages()
    {
        var page = await site.SignInAsync("admin");
        await page.GotoAsync("/admin/users");
        await page.GetByTestId("toggle-admin").ClickAsync();
        await Assertions.Expect(page.GetByTestId("admin-message")).ToHaveTextAsync("不能停用自己。");
        await Assertions.Expect(page.Locator("tr[data-user=admin] td").Nth(4)).ToHaveTextAsync("启用");

        await page.GotoAsync("/admin/routing");
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await page.GetByLabel("区域代码（区、街道、社区或网格代码前缀）").FillAsync("460105");
            await page.Locator("#rule-department").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await page.GetByTestId("add-rule").ClickAsync();
            if (attempt == 0) await Assertions.Expect(page.GetByTestId("admin-message")).ToHaveTextAsync("已保存。");
        }
        await Assertions.Expect(page.GetByTestId("error-areaCode")).ToHaveTextAsync("该类型和区域已有派遣规则。");
        await using var scope = site.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        Assert.Equal(1, await db.RoutingRules.CountAsync(r => r.AreaCode == "460105" && r.TypeCode == null));
    }

    [Fact]
    public async Task TheAdministrationPages_AreForAdministratorsOnly()
    {
        var page = await site.SignInAsync("dispatcher");
        await page.GotoAsync("/admin/users");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("无权访问");
        var admin = await site.SignInAsync("admin");
        foreach (var path in new[] { "/admin", "/admin/users", "/admin/departments", "/admin/catalogue", "/admin/calendar", "/admin/import" })
        {
            var response = await admin.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            await Assertions.Expect(admin.Locator("h1")).Not.ToHaveTextAsync("无权访问");
        }
        await Assertions.Expect(admin.Locator("#import-file")).ToBeVisibleAsync();
    }
}
