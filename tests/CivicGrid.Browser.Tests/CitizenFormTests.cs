using CivicGrid.Browser.Tests.Infrastructure;
using CivicGrid.Data;
using CivicGrid.Server.Tests.Attachments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SixLabors.ImageSharp;

namespace CivicGrid.Browser.Tests;

/// <summary>Issue 17 items 3, 4 and 7 on a 390×844 phone: a plain-language problem from the short list, a form that
/// forgives (every missing field outlined at once, the photo kept, the draft kept on reload), a confirmation with a
/// short link, copy button and QR code, finding the case again by its number and the phone's last four digits, and
/// following it.</summary>
[Collection(StaffSiteCollection.Name)]
public sealed class CitizenFormTests(StaffSite site)
{
    [Fact]
    public async Task ACitizen_PicksAPlainProblem_LosesNothingOnAFailedSubmitOrAReload_AndFindsTheCaseAgain()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, Locale = "zh-CN",
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        context.SetDefaultTimeout(45_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();

        // 1. The short list: plain words with icons, 其他 last.
        await page.GotoAsync("/public/report");
        await Assertions.Expect(page.Locator(".problem")).ToHaveCountAsync(13);
        await Assertions.Expect(page.Locator(".problem").Last).ToHaveTextAsync("其他");
        await page.GetByText("井盖缺失/破损").ClickAsync();
        await Assertions.Expect(page.GetByLabel("井盖缺失/破损")).ToBeCheckedAsync();
        await page.Locator("#photos").SetInputFilesAsync([Photo("manhole.png")]);
        await page.GetByLabel("手机号").FillAsync("13712345678");
        await StaffSite.ScreenshotAsync(page, "citizen-1-problem-picked");

        // 2. Submit without a description or a position: both flagged at once and outlined, the photo kept.
        await page.GetByTestId("public-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("report-errors")).ToContainTextAsync("2 处");
        await Assertions.Expect(page.GetByTestId("error-description")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("error-latitude")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("error-problem")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#description")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#lat")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal("solid", await page.Locator("#description").EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
        await Assertions.Expect(page.GetByTestId("kept-photos")).ToContainTextAsync("manhole.png");
        await Assertions.Expect(page.GetByLabel("井盖缺失/破损")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("手机号")).ToHaveValueAsync("13712345678");
        await StaffSite.ScreenshotAsync(page, "citizen-2-missing-fields");

        // 3. Typing, then reopening the page: the draft (and the uploaded photo) come back.
        await page.GetByLabel("问题描述").FillAsync("人行道上的井盖不见了，很危险");
        await page.GetByLabel("经度").FillAsync("110.331500");
        await page.GetByLabel("纬度").FillAsync("20.020900");
        await page.GotoAsync("/public/report");
        await Assertions.Expect(page.GetByLabel("问题描述")).ToHaveValueAsync("人行道上的井盖不见了，很危险");
        await Assertions.Expect(page.GetByLabel("井盖缺失/破损")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("经度")).ToHaveValueAsync("110.331500");
        await Assertions.Expect(page.GetByTestId("kept-photos")).ToContainTextAsync("manhole.png");
        await StaffSite.ScreenshotAsync(page, "citizen-3-draft-after-reload");

        // 4. Submit: the confirmation with the short link, a copy button and a QR code; the draft is gone.
        await page.GetByTestId("public-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("public-receipt")).ToBeVisibleAsync();
        var number = (await page.GetByTestId("public-number").TextContentAsync())!;
        var shortLink = (await page.GetByTestId("tracking-link").GetAttributeAsync("href"))!;
        Assert.Matches("/t/[0-9a-z]{16}$", shortLink);
        await Assertions.Expect(page.GetByTestId("qr-code").Locator("svg")).ToBeVisibleAsync();
        await page.GetByTestId("copy-link").ClickAsync();
        await Assertions.Expect(page.GetByTestId("copy-link")).ToHaveTextAsync("已复制");
        Assert.Equal(shortLink, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('draft:public-report')"));
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "the confirmation is wider than the phone");
        await StaffSite.ScreenshotAsync(page, "citizen-4-confirmation");
        await using (var scope = site.Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
            var saved = await db.Cases.AsNoTracking().SingleAsync(c => c.Number == number);
            Assert.Equal("01023", saved.TypeCode); // 井盖缺失/破损 → 不明井盖异常
            Assert.Equal(1, await db.Attachments.CountAsync(a => a.CaseId == saved.Id));
        }

        // 5. The short link leads to the case.
        await page.GotoAsync(shortLink);
        await Assertions.Expect(page.GetByTestId("public-number")).ToHaveTextAsync(number);

        // 6. Look-up on /public: wrong digits find nothing, the right ones find the case.
        await page.GotoAsync("/public");
        await page.GetByLabel("案件编号").FillAsync(number);
        await page.GetByLabel("手机号后四位").FillAsync("1234");
        await page.GetByTestId("lookup-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("lookup-message")).ToContainTextAsync("没有找到");
        await StaffSite.ScreenshotAsync(page, "citizen-5-lookup-wrong-digits");
        await page.GetByLabel("手机号后四位").FillAsync("5678");
        await page.GetByTestId("lookup-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("public-number")).ToHaveTextAsync(number);
        Assert.Contains("/public/track/", page.Url, StringComparison.Ordinal);
        await StaffSite.ScreenshotAsync(page, "citizen-6-lookup-found");

        // 7. Someone else follows the case from its page by e-mail.
        await page.GetByTestId("follow-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-follow")).ToBeVisibleAsync();
        await page.GetByLabel("或电子邮箱").FillAsync("neighbour@example.cn");
        await page.GetByTestId("follow-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("follow-message")).ToContainTextAsync("已关注");
        await using (var scope = site.Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
            var id = await db.Cases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync();
            Assert.Equal("neighbour@example.cn", (await db.CaseFollowers.SingleAsync(f => f.CaseId == id)).Recipient);
        }

        await page.SetViewportSizeAsync(1440, 900);
        await page.GotoAsync("/public/report");
        await StaffSite.ScreenshotAsync(page, "citizen-7-form-desktop");
        await context.DisposeAsync();
    }

    /// <summary>axe-core finds no serious or critical problem on the report form (also with its errors shown) and on the
    /// look-up form: every field has its label, the problem tiles are a named radio group.</summary>
    [Fact]
    public async Task ThePublicForms_HaveNoSeriousAccessibilityProblems_EvenWithErrorsShown()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl, Locale = "zh-CN" });
        try
        {
            var page = await context.NewPageAsync();
            var serious = new List<string>();
            async Task ScanAsync(string what)
            {
                var results = await Deque.AxeCore.Playwright.PageExtensions.RunAxe(page);
                serious.AddRange(results.Violations.Where(v => v.Impact is "serious" or "critical")
                    .Select(v => $"{what}: {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))})"));
            }
            await page.GotoAsync("/public/report");
            await ScanAsync("/public/report");
            await page.GetByTestId("public-submit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("error-problem")).ToBeVisibleAsync();
            await ScanAsync("/public/report with errors");
            await page.GotoAsync("/public");
            await ScanAsync("/public");
            Assert.True(serious.Count == 0, string.Join("\n", serious));
        }
        finally
        {
            await context.DisposeAsync();
        }
    }

    private static FilePayload Photo(string name)
    {
        using var image = TestImages.TwoColour(200, 150);
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return new FilePayload { Name = name, MimeType = "image/png", Buffer = stream.ToArray() };
    }
}
