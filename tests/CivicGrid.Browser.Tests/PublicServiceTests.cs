using System.Net.Http.Json;
using CivicGrid.Browser.Tests.Infrastructure;
using CivicGrid.Data;
using CivicGrid.Server.Tests.Attachments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SixLabors.ImageSharp;

namespace CivicGrid.Browser.Tests;

/// <summary>A citizen on a phone: report with photos and a contact, follow the case, rate it once it is closed.</summary>
[Collection(StaffSiteCollection.Name)]
public sealed class PublicServiceTests(StaffSite site)
{
    [Fact]
    public async Task ACitizen_Reports_Tracks_AndRates_OnAPhone()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, Locale = "zh-CN",
        });
        context.SetDefaultTimeout(45_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/public");
        await page.GetByTestId("public-report").ClickAsync();

        // A first try without a position names the field; nothing is lost from what was typed.
        await page.GetByText("垃圾暴露").ClickAsync();
        await page.GetByLabel("问题描述").FillAsync("市民反映：小区门口垃圾堆放多日");
        await page.GetByTestId("public-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-latitude")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("问题描述")).ToHaveValueAsync("市民反映：小区门口垃圾堆放多日");

        await page.GetByLabel("经度").FillAsync("110.331000");
        await page.GetByLabel("纬度").FillAsync("20.021000");
        await page.Locator("#photos").SetInputFilesAsync([Photo("a.png"), Photo("b.png")]);
        await page.GetByLabel("手机号").FillAsync("13700000000");
        await StaffSite.ScreenshotAsync(page, "public-report");
        await page.GetByTestId("public-submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("public-receipt")).ToBeVisibleAsync();
        var number = await page.GetByTestId("public-number").TextContentAsync();
        var trackingUrl = await page.GetByTestId("tracking-link").GetAttributeAsync("href");
        Assert.Matches("^HK[0-9]{13}$", number);
        Assert.Contains("/t/", trackingUrl, StringComparison.Ordinal); // the short link (issue 17 item 4)
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390,
            "the confirmation with its tracking link is wider than the phone");
        await Assertions.Expect(page.GetByTestId("public-status")).ToHaveTextAsync("已受理");
        await Assertions.Expect(page.GetByTestId("rating-form")).ToHaveCountAsync(0);
        Assert.DoesNotContain("13700000000", await page.ContentAsync(), StringComparison.Ordinal);

        await CloseThroughTheStaffApiAsync(number!);

        await page.GotoAsync(trackingUrl!);
        await Assertions.Expect(page.GetByTestId("public-status")).ToHaveTextAsync("已办结");
        await page.GetByTestId("rating-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-score")).ToBeVisibleAsync();
        await page.Locator("input[name='Rating.Score'][value='5']").CheckAsync();
        await page.GetByLabel("意见建议（可选）").FillAsync("处理及时，谢谢");
        await page.GetByTestId("rating-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("rating-message")).ToHaveTextAsync("感谢您的评价！");
        await Assertions.Expect(page.GetByTestId("public-rating")).ToContainTextAsync("★★★★★");
        await page.GotoAsync(trackingUrl!);
        await Assertions.Expect(page.GetByTestId("rating-form")).ToHaveCountAsync(0);
        await StaffSite.ScreenshotAsync(page, "public-track");
        await context.DisposeAsync();
    }

    [Fact]
    public async Task ThePublicPages_NeedNoSignIn_AndAnUnknownTokenSaysSo()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl });
        var page = await context.NewPageAsync();
        foreach (var path in new[] { "/public", "/public/report", "/public/map", "/public/notices" })
        {
            await page.GotoAsync(path);
            Assert.DoesNotContain("/login", page.Url, StringComparison.Ordinal);
        }
        await page.GotoAsync("/public/map");
        await Assertions.Expect(page.GetByTestId("public-map")).ToHaveAttributeAsync("data-cases", new System.Text.RegularExpressions.Regex("^[0-9]+$"));
        await page.GotoAsync("/public/track/not-a-real-token");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("查询链接无效");
        await context.DisposeAsync();
    }

    private async Task CloseThroughTheStaffApiAsync(string number)
    {
        long id;
        await using (var scope = site.Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
            id = await db.Cases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync();
        }
        await StepAsync("operator", id, new { action = "register" });
        await StepAsync("dispatcher", id, new { action = "dispatch" });
        string handler;
        await using (var scope = site.Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
            var department = await db.Cases.Where(c => c.Id == id).Select(c => c.DepartmentId).SingleAsync();
            handler = await db.StaffUsers.Where(u => u.DepartmentId == department && u.IsActive).OrderBy(u => u.Id).Select(u => u.UserName).FirstAsync();
        }
        await StepAsync(handler, id, new { action = "accept" });
        await StepAsync(handler, id, new { action = "feedback", note = "已清理" });
        await StepAsync("operator", id, new { action = "request_check" });
        await StepAsync("inspector", id, new { action = "check", passed = true });
        await StepAsync("shiftlead", id, new { action = "close" });
    }

    private async Task StepAsync(string user, long id, object step)
    {
        using var client = await site.ApiAsAsync(user);
        var response = await client.PostAsJsonAsync($"/api/v1/cases/{id}/transitions", step);
        Assert.True(response.IsSuccessStatusCode, $"{user}: {await response.Content.ReadAsStringAsync()}");
    }

    private static FilePayload Photo(string name)
    {
        using var image = TestImages.TwoColour(200, 150);
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return new FilePayload { Name = name, MimeType = "image/png", Buffer = stream.ToArray() };
    }
}
