using CivicGrid.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.Browser.Tests;

[Collection(StaffSiteCollection.Name)]
public sealed class LanguageAndAccessTests(StaffSite site)
{
    [Fact]
    public async Task TheUi_IsChineseByDefault_AndSwitchesToEnglish()
    {
        var page = await site.SignInAsync("dispatcher");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("我的待办");
        await page.GetByTestId("lang-en").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("My work queues");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.GetByTestId("lang-zh").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("我的待办");
    }

    [Fact]
    public async Task APage_WithoutSignIn_GoesToTheSignInPage_AndAWrongPasswordSaysSo()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/cases");
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("用户名").FillAsync("dispatcher");
        await page.GetByLabel("密码").FillAsync("wrong-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("login-error")).ToBeVisibleAsync();
        await context.DisposeAsync();
    }

    [Fact]
    public async Task APageForAnotherRole_AnswersNotAllowed()
    {
        var page = await site.SignInAsync("handler.huanwei");
        await page.GotoAsync("/command");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("无权访问");
    }

    [Fact]
    public async Task ThePages_HaveASkipLinkFirst_AndVisibleKeyboardFocus()
    {
        var page = await site.SignInAsync("operator");
        var first = await page.EvaluateAsync<string>(
            "document.querySelector('a[href], button, input:not([type=hidden]), select, textarea').className");
        Assert.Equal("skip-link", first);
        await page.Locator(".skip-link").FocusAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.querySelector('.skip-link').getBoundingClientRect().left >= 0"),
            "the skip link stays off screen when focused");
        await page.Keyboard.PressAsync("Tab");
        var outline = await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle");
        Assert.NotEqual("none", outline);
        await page.Locator(".skip-link").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main#main")).ToBeFocusedAsync();
    }
}

[Collection(StaffSiteCollection.Name)]
public sealed class AccessibilityScanTests(StaffSite site)
{
    /// <summary>axe-core finds no serious or critical problem (labels, contrast, landmarks, names) on the main pages.</summary>
    [Theory]
    [InlineData("operator", "/")]
    [InlineData("operator", "/queue/register")]
    [InlineData("operator", "/cases")]
    [InlineData("inspector", "/m/report")]
    [InlineData("admin", "/admin/routing")]
    public async Task MainPages_HaveNoSeriousAccessibilityProblems(string user, string path)
    {
        var page = await site.SignInAsync(user, phone: path.StartsWith("/m", StringComparison.Ordinal));
        await page.GotoAsync(path);
        var results = await Deque.AxeCore.Playwright.PageExtensions.RunAxe(page);
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))})").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }
}
