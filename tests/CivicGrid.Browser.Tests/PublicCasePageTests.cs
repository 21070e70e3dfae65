using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Browser.Tests.Infrastructure;
using CivicGrid.Data;
using CivicGrid.Server.Tests.Attachments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Processing;

namespace CivicGrid.Browser.Tests;

/// <summary>A useful public case page (issue 17 items 5 and 6) on a 390×844 phone: staff approve the words and the
/// photos on the case page, the public case page shows them with the photos before and after side by side, the public
/// map's popup links to it, and the report form shows it as a nearby open report before a second citizen reports it again.</summary>
[Collection(StaffSiteCollection.Name)]
public sealed class PublicCasePageTests(StaffSite site)
{
    private const double Lon = 110.336420, Lat = 20.023180;
    private const string Approved = "小区门口垃圾堆放多日，影响通行";

    [Fact]
    public async Task StaffApproveWordsAndPhotos_ThePublicCasePageShowsThemBeforeAndAfter_AndTheMapAndTheReportFormLinkToIt()
    {
        var (id, number) = await ReportAndFeedBackAsync();

        // A shift lead on a phone approves the words (cleared of a name) and both photos in the case page's panel.
        var staff = await site.SignInAsync("shiftlead", phone: true);
        await staff.GotoAsync($"/cases/{id}");
        var panel = staff.GetByTestId("public-content");
        await Assertions.Expect(panel.GetByTestId("public-description")).ToHaveValueAsync("小区门口垃圾堆放多日 王大爷家门口");
        await panel.GetByTestId("public-description").FillAsync(Approved);
        await panel.GetByTestId("publish-description").CheckAsync();
        await panel.GetByTestId("public-result").FillAsync("已清运完毕");
        await panel.GetByTestId("publish-result").CheckAsync();
        foreach (var box in await panel.GetByTestId("publish-photo").AllAsync()) await box.CheckAsync();
        await panel.ScrollIntoViewIfNeededAsync();
        await StaffSite.ScreenshotAsync(staff, "public-content-panel");
        await panel.GetByTestId("public-content-save").ClickAsync();
        await Assertions.Expect(staff.GetByTestId("public-content-saved")).ToBeVisibleAsync();
        await Assertions.Expect(staff.GetByTestId("public-content").GetByTestId("publish-photo").First).ToBeCheckedAsync();
        await staff.Context.DisposeAsync();

        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, Locale = "zh-CN",
        });
        context.SetDefaultTimeout(45_000);
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync($"/public/cases/{number}");
            await Assertions.Expect(page.GetByTestId("public-case-description")).ToHaveTextAsync(Approved);
            await Assertions.Expect(page.GetByTestId("public-case-result")).ToHaveTextAsync("已清运完毕");
            await Assertions.Expect(page.GetByTestId("public-case-department")).Not.ToHaveTextAsync("尚未派遣");
            var before = page.GetByTestId("photos-before").Locator("img");
            var after = page.GetByTestId("photos-after").Locator("img");
            await Assertions.Expect(before).ToHaveCountAsync(1);
            await Assertions.Expect(after).ToHaveCountAsync(1);
            var (left, right) = ((await before.BoundingBoxAsync())!, (await after.BoundingBoxAsync())!);
            Assert.True(Math.Abs(left.Y - right.Y) < 1 && left.X + left.Width <= right.X, "the photos before and after are not side by side");
            Assert.DoesNotContain("王大爷", await page.ContentAsync(), StringComparison.Ordinal);
            Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "the public case page is wider than the phone");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await StaffSite.ScreenshotAsync(page, "public-case-page");

            // The map, centred on the case by the page's link: its marker's popup links back to the case page.
            await page.GetByRole(AriaRole.Link, new() { Name = "在地图上查看" }).ClickAsync();
            var map = page.GetByTestId("public-map");
            await Assertions.Expect(map).ToHaveAttributeAsync("data-cases", new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
            var box = (await map.BoundingBoxAsync())!;
            await page.Mouse.ClickAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
            var link = page.GetByTestId("popup-case-link");
            await Assertions.Expect(link).ToHaveTextAsync(number);
            await StaffSite.ScreenshotAsync(page, "public-map-popup");
            await link.ClickAsync();
            await page.WaitForURLAsync($"**/public/cases/{number}");

            // A second citizen about to report the same problem sees it first ("是否是这个问题？").
            await page.GotoAsync("/public/report");
            await page.GetByText("垃圾暴露").ClickAsync(); // the citizen problem of type 06010
            await page.Locator("#lon").FillAsync((Lon + 0.0002).ToString("F6", CultureInfo.InvariantCulture));
            await page.Locator("#lat").FillAsync(Lat.ToString("F6", CultureInfo.InvariantCulture));
            await page.Locator("#lat").DispatchEventAsync("change");
            var nearby = page.GetByTestId("nearby-reports");
            await Assertions.Expect(nearby).ToBeVisibleAsync();
            var item = nearby.Locator($"li[data-number='{number}']");
            await Assertions.Expect(item).ToContainTextAsync(Approved);
            await item.ScrollIntoViewIfNeededAsync();
            await StaffSite.ScreenshotAsync(page, "public-report-nearby");
            await item.GetByTestId("nearby-follow").ClickAsync();
            await page.WaitForURLAsync($"**/public/cases/{number}");

            await page.SetViewportSizeAsync(1440, 900);
            await page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await StaffSite.ScreenshotAsync(page, "public-case-page-desktop");
        }
        finally
        {
            await context.DisposeAsync();
        }
    }

    /// <summary>A citizen reports with a photo; staff register and dispatch; the department feeds back with a photo.</summary>
    private async Task<(long Id, string Number)> ReportAndFeedBackAsync()
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Png()), "file", "before.png" } };
        var upload = await site.Server.Client.PostAsync("/api/public/photos", form);
        Assert.True(upload.IsSuccessStatusCode, await upload.Content.ReadAsStringAsync());
        var photo = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("uploadId").GetString();
        var receipt = await site.Server.Client.PostAsJsonAsync("/api/public/reports", new
        {
            longitude = Lon, latitude = Lat, kind = "matter", typeCode = "06010", description = "小区门口垃圾堆放多日 王大爷家门口",
            anonymous = true, photos = new[] { photo },
        });
        Assert.True(receipt.IsSuccessStatusCode, await receipt.Content.ReadAsStringAsync());
        var number = (await receipt.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
        long id;
        await using (var scope = site.Server.Services.CreateAsyncScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<CivicGridDbContext>().Cases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync();
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
        using var client = await site.ApiAsAsync(handler);
        using var afterForm = new MultipartFormDataContent { { new ByteArrayContent(Png(green: true)), "file", "after.png" } };
        var uploaded = await client.PostAsync($"/api/v1/cases/{id}/attachments", afterForm);
        Assert.True(uploaded.IsSuccessStatusCode, await uploaded.Content.ReadAsStringAsync());
        var after = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await StepAsync(handler, id, new { action = "feedback", note = "已清运，联系人李师傅", attachmentIds = new[] { after } });
        return (id, number);
    }

    private async Task StepAsync(string user, long id, object step)
    {
        using var client = await site.ApiAsAsync(user);
        var response = await client.PostAsJsonAsync($"/api/v1/cases/{id}/transitions", step);
        Assert.True(response.IsSuccessStatusCode, $"{user}: {await response.Content.ReadAsStringAsync()}");
    }

    private static byte[] Png(bool green = false)
    {
        using var image = TestImages.TwoColour(400, 300);
        if (green) image.Mutate(x => x.Flip(FlipMode.Horizontal));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }
}
