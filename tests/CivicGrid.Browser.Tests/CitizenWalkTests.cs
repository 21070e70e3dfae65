using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CivicGrid.Browser.Tests.Infrastructure;
using CivicGrid.Data;
using CivicGrid.Server.Tests.Attachments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Processing;

namespace CivicGrid.Browser.Tests;

/// <summary>Issue 17's "Must show", one continuous walk on a 390×844 phone with no tile service: search a road, the pin
/// and the address; 井盖缺失 from the short list; a photo; a failed submit that keeps everything (the photo as a
/// thumbnail, also after a reload); the confirmation with its short link, copy button and QR code; finding the case
/// again by number and phone digits; staff approving words and photos on the case page; the public case page and
/// the public map showing them; a neighbour who meets the same problem following it instead of reporting it again;
/// staff closing; the citizen rating. Every step is screenshotted as artifacts/screenshots/citizen-walk-NN-*.png.</summary>
[Collection(StaffSiteCollection.Name)]
public sealed class CitizenWalkTests(StaffSite site)
{
    private const string Phone = "13712345678";
    private const string Written = "人行道上的井盖不见了，很危险 王大爷家门口";
    private const string Approved = "人行道上的井盖不见了，很危险";

    [Fact]
    public async Task ACitizenOnAPhone_ReportsAMissingManholeCover_LosesNothing_FindsTheCaseAgain_SeesWhatStaffApproved_AndRatesTheResult()
    {
        var context = await PhoneAsync();
        try
        {
            var page = await context.NewPageAsync();

            // 1. Search a road: the report map draws the city's own basemap with road names.
            await page.GotoAsync("/public/report");
            var map = page.GetByTestId("place-map");
            await Assertions.Expect(map).ToHaveAttributeAsync("data-basemap", "drawn");
            Assert.True(await map.Locator(".basemap-label-road").CountAsync() > 0, "the report map shows no road names");
            await page.GetByTestId("place-search").FillAsync("龙昆");
            var result = page.GetByTestId("place-results").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^龙昆南路") });
            await Assertions.Expect(result).ToBeVisibleAsync();
            await ShotAsync(page, "01-search");

            // 2. The map flies there, the pin is set, the address is filled from the city model (and stays editable).
            await result.ClickAsync();
            var address = page.GetByTestId("place-address");
            await Assertions.Expect(address).ToHaveValueAsync(new Regex("(社区|村) · 龙昆南路附近$"));
            var pin = (Lon: Number(await page.GetByLabel("经度").InputValueAsync()), Lat: Number(await page.GetByLabel("纬度").InputValueAsync()));
            var centre = await page.EvaluateAsync<double[]>("() => { const c = document.querySelector('[data-pick-map]')._civicMap.getCenter(); return [c.lng, c.lat]; }");
            Assert.InRange(Math.Abs(centre[0] - pin.Lon) + Math.Abs(centre[1] - pin.Lat), 0, 2e-4);
            Assert.InRange(pin.Lon, 110.32, 110.35); // 龙昆南路 runs at ≈ 110.335° E
            Assert.Equal(17, await page.EvaluateAsync<int>("() => document.querySelector('[data-pick-map]')._civicMap.getZoom()"));
            await Assertions.Expect(map.Locator(".basemap-label-road", new() { HasText = "龙昆南路" }).First).ToBeAttachedAsync();
            await AssertFitsAsync(page, "the report form");
            await ShotAsync(page, "02-pin-address");
            // GCJ-02 tiles (Map:TileCrs=gcj02) project through the published offset: wandergis/coordtransform's reference pair.
            var gcj = await page.EvaluateAsync<double[]>("() => civicGridBasemap.toGcj02(39.915, 116.404)");
            Assert.InRange(Math.Abs(gcj[0] - 39.91640428150164) + Math.Abs(gcj[1] - 116.41024449916938), 0, 1e-8);
            var back = await page.EvaluateAsync<double[]>("() => civicGridBasemap.fromGcj02(39.91640428150164, 116.41024449916938)");
            Assert.InRange(Math.Abs(back[0] - 39.915) + Math.Abs(back[1] - 116.404), 0, 1e-8);
            var edited = (await address.InputValueAsync()) + "（公交站旁）";
            await address.FillAsync(edited);

            // 3. The short list: plain words with icons, 其他 last.
            await Assertions.Expect(page.Locator(".problem")).ToHaveCountAsync(13);
            await Assertions.Expect(page.Locator(".problem").Last).ToHaveTextAsync("其他");
            await page.GetByText("井盖缺失/破损").ClickAsync();
            await Assertions.Expect(page.GetByLabel("井盖缺失/破损")).ToBeCheckedAsync();
            await page.GetByText("井盖缺失/破损").ScrollIntoViewIfNeededAsync();
            await ShotAsync(page, "03-problem");

            // 4. A photo, through a button in the page's language over a hidden file input; shown at once as a thumbnail.
            var add = page.GetByTestId("photo-add");
            await Assertions.Expect(add).ToHaveTextAsync("添加照片");
            await Assertions.Expect(add).ToBeVisibleAsync();
            Assert.True((await page.Locator("#photos").BoundingBoxAsync())!.Width <= 1, "the browser's own file button shows");
            await page.GetByLabel("添加照片").SetInputFilesAsync([Photo("manhole.png")]);
            await AssertImagesShownAsync(page.GetByTestId("photo-previews"), 1);
            await page.GetByLabel("手机号").FillAsync(Phone);
            await add.ScrollIntoViewIfNeededAsync();
            await ShotAsync(page, "04-photo");

            // 5. Submit without a description: flagged and outlined; the photo kept and shown as a thumbnail, nothing lost.
            await page.GetByTestId("public-submit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("report-errors")).ToContainTextAsync("1 处");
            await Assertions.Expect(page.GetByTestId("error-description")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#description")).ToHaveAttributeAsync("aria-invalid", "true");
            Assert.Equal("solid", await page.Locator("#description").EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
            await Assertions.Expect(page.GetByTestId("kept-photos")).ToContainTextAsync("manhole.png");
            await AssertImagesShownAsync(page.GetByTestId("kept-photos"), 1);
            await Assertions.Expect(page.GetByLabel("井盖缺失/破损")).ToBeCheckedAsync();
            await Assertions.Expect(page.GetByLabel("手机号")).ToHaveValueAsync(Phone);
            await Assertions.Expect(address).ToHaveValueAsync(edited);
            await page.WaitForFunctionAsync(FormattableString.Invariant( // the map shows the pin where it was
                $"() => {{ const m = document.querySelector('[data-pick-map]')._civicMap; return !!m && Math.abs(m.getCenter().lng - {pin.Lon}) < 1e-4; }}"));
            await page.GetByTestId("kept-photos").ScrollIntoViewIfNeededAsync();
            await ShotAsync(page, "05-failed-submit-keeps-photo");

            // 6. Typing, then reopening the page: the draft and the kept photo (a thumbnail again) come back.
            await page.GetByLabel("问题描述").FillAsync(Written);
            await page.GotoAsync("/public/report");
            await Assertions.Expect(page.GetByLabel("问题描述")).ToHaveValueAsync(Written);
            await Assertions.Expect(page.GetByLabel("井盖缺失/破损")).ToBeCheckedAsync();
            await Assertions.Expect(page.GetByLabel("经度")).ToHaveValueAsync(pin.Lon.ToString("F6", CultureInfo.InvariantCulture));
            await AssertImagesShownAsync(page.GetByTestId("kept-photos"), 1);
            await ShotAsync(page, "06-draft-after-reload");

            // 7. Submit: the confirmation with the number, the short link, a copy button and a QR code; the draft is gone.
            await page.GetByTestId("public-submit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("public-receipt")).ToBeVisibleAsync();
            var number = (await page.GetByTestId("public-number").TextContentAsync())!;
            Assert.Matches("^HK[0-9]{13}$", number);
            var shortLink = (await page.GetByTestId("tracking-link").GetAttributeAsync("href"))!;
            Assert.Matches("/t/[0-9a-z]{16}$", shortLink);
            await Assertions.Expect(page.GetByTestId("public-status")).ToHaveTextAsync("已受理");
            await Assertions.Expect(page.GetByTestId("rating-form")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByTestId("qr-code").Locator("svg")).ToBeVisibleAsync();
            await page.GetByTestId("copy-link").ClickAsync();
            await Assertions.Expect(page.GetByTestId("copy-link")).ToHaveTextAsync("已复制");
            Assert.Equal(shortLink, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
            Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('draft:public-report')"));
            Assert.DoesNotContain(Phone, await page.ContentAsync(), StringComparison.Ordinal);
            await AssertFitsAsync(page, "the confirmation");
            await ShotAsync(page, "07-confirmation-link-copied");
            var id = await CaseIdAsync(number);
            await using (var scope = site.Server.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
                var saved = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id);
                Assert.Equal("01023", saved.TypeCode); // 井盖缺失/破损 → 不明井盖异常
                Assert.Equal(edited, saved.Address);
                Assert.Equal(1, await db.Attachments.CountAsync(a => a.CaseId == id));
            }

            // 8. The short link leads to the case; the look-up on /public finds it by number and the phone's last digits.
            await page.GotoAsync(shortLink);
            await Assertions.Expect(page.GetByTestId("public-number")).ToHaveTextAsync(number);
            await page.GotoAsync("/public");
            await page.GetByLabel("案件编号").FillAsync(number);
            await page.GetByLabel("手机号后四位").FillAsync("1234");
            await page.GetByTestId("lookup-submit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("lookup-message")).ToContainTextAsync("没有找到");
            await page.GetByLabel("手机号后四位").FillAsync(Phone[^4..]);
            await ShotAsync(page, "08-lookup");
            await page.GetByTestId("lookup-submit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("public-number")).ToHaveTextAsync(number);
            Assert.Contains("/public/track/", page.Url, StringComparison.Ordinal);
            await ShotAsync(page, "09-lookup-found");
            // Someone the citizen gave the link follows the case from it by e-mail.
            await page.GetByTestId("follow-submit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("error-follow")).ToBeVisibleAsync();
            await page.GetByLabel("或电子邮箱").FillAsync("neighbour@example.cn");
            await page.GetByTestId("follow-submit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("follow-message")).ToContainTextAsync("已关注");
            Assert.Equal(["neighbour@example.cn"], await FollowersAsync(id));

            // 9. Staff handle it; a shift lead approves the words (cleared of a name), the result and both photos on the case page.
            await FeedBackWithAPhotoAsync(id);
            var staff = await site.SignInAsync("shiftlead", phone: true);
            await staff.GotoAsync($"/cases/{id}");
            var panel = staff.GetByTestId("public-content");
            await Assertions.Expect(panel.GetByTestId("public-description")).ToHaveValueAsync(Written);
            await panel.GetByTestId("public-description").FillAsync(Approved);
            await panel.GetByTestId("publish-description").CheckAsync();
            await panel.GetByTestId("public-result").FillAsync("已补装新井盖");
            await panel.GetByTestId("publish-result").CheckAsync();
            foreach (var box in await panel.GetByTestId("publish-photo").AllAsync()) await box.CheckAsync();
            await panel.GetByTestId("public-content-save").ClickAsync();
            await Assertions.Expect(staff.GetByTestId("public-content-saved")).ToBeVisibleAsync();
            await Assertions.Expect(staff.GetByTestId("public-content").GetByTestId("publish-photo").First).ToBeCheckedAsync();
            await staff.GetByTestId("public-content").ScrollIntoViewIfNeededAsync();
            await ShotAsync(staff, "10-staff-approve");
            await staff.Context.DisposeAsync();

            // 10. The public case page shows the approved words, the department, the result and the photos before and after.
            await page.GotoAsync($"/public/cases/{number}");
            await Assertions.Expect(page.GetByTestId("public-case-description")).ToHaveTextAsync(Approved);
            await Assertions.Expect(page.GetByTestId("public-case-result")).ToHaveTextAsync("已补装新井盖");
            await Assertions.Expect(page.GetByTestId("public-case-department")).Not.ToHaveTextAsync("尚未派遣");
            var before = page.GetByTestId("photos-before").Locator("img");
            var after = page.GetByTestId("photos-after").Locator("img");
            await AssertImagesShownAsync(page.GetByTestId("photos-before"), 1);
            await AssertImagesShownAsync(page.GetByTestId("photos-after"), 1);
            var (left, right) = ((await before.BoundingBoxAsync())!, (await after.BoundingBoxAsync())!);
            Assert.True(Math.Abs(left.Y - right.Y) < 1 && left.X + left.Width <= right.X, "the photos before and after are not side by side");
            Assert.DoesNotContain("王大爷", await page.ContentAsync(), StringComparison.Ordinal);
            await AssertFitsAsync(page, "the public case page");
            await ShotAsync(page, "11-public-case-page");

            // 11. The public map, centred by the page's link, draws the basemap; the case's popup links back to its page.
            await page.GetByRole(AriaRole.Link, new() { Name = "在地图上查看" }).ClickAsync();
            var publicMap = page.GetByTestId("public-map");
            await Assertions.Expect(publicMap).ToHaveAttributeAsync("data-cases", new Regex("^[1-9][0-9]*$"));
            await Assertions.Expect(publicMap).ToHaveAttributeAsync("data-basemap", "drawn");
            Assert.True(await publicMap.Locator(".basemap-label-road").CountAsync() > 0, "the public map shows no road names");
            var mapBox = (await publicMap.BoundingBoxAsync())!;
            await page.Mouse.ClickAsync(mapBox.X + mapBox.Width / 2, mapBox.Y + mapBox.Height / 2);
            var popupLink = page.GetByTestId("popup-case-link");
            await Assertions.Expect(popupLink).ToHaveTextAsync(number);
            await ShotAsync(page, "12-public-map");
            await popupLink.ClickAsync();
            await page.WaitForURLAsync($"**/public/cases/{number}");

            // 12. A neighbour about to report the same problem sees it first ("是否是这个问题？") and follows it instead;
            //     staff see on the case page how many citizens follow it.
            await NeighbourFollowsInsteadOfReportingAsync(number, id, pin);
            Assert.Equal(["13900001111", "neighbour@example.cn"], (await FollowersAsync(id)).Order(StringComparer.Ordinal));
            var lead = await site.SignInAsync("shiftlead", phone: true);
            await lead.GotoAsync($"/cases/{id}");
            await Assertions.Expect(lead.GetByTestId("public-followers")).ToContainTextAsync("2 位");
            await lead.Context.DisposeAsync();

            // 13. Staff close the case; the citizen rates it on the tracking page, once.
            await CloseAsync(id);
            await page.GotoAsync(shortLink);
            await Assertions.Expect(page.GetByTestId("public-status")).ToHaveTextAsync("已办结");
            await page.GetByTestId("rating-submit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("error-score")).ToBeVisibleAsync();
            await page.Locator("input[name='Rating.Score'][value='5']").CheckAsync();
            await page.GetByLabel("意见建议（可选）").FillAsync("处理及时，谢谢");
            await page.GetByTestId("rating-submit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("rating-message")).ToHaveTextAsync("感谢您的评价！");
            await Assertions.Expect(page.GetByTestId("public-rating")).ToContainTextAsync("★★★★★");
            await ShotAsync(page, "14-rated");
            await page.GotoAsync(shortLink);
            await Assertions.Expect(page.GetByTestId("rating-form")).ToHaveCountAsync(0);
            await page.GotoAsync($"/public/cases/{number}");
            await Assertions.Expect(page.GetByTestId("public-case-rating")).ToContainTextAsync("★★★★★");

            // The same pages on a desktop screen (looked at, not asserted).
            await page.SetViewportSizeAsync(1440, 900);
            await page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await ShotAsync(page, "15-public-case-page-desktop");
            await page.GotoAsync("/public/report");
            await ShotAsync(page, "16-form-desktop");
        }
        finally
        {
            await context.DisposeAsync();
        }
    }

    /// <summary>A second person on the report form, a few metres from the case, with the same problem chosen: the nearby
    /// panel lists the case; "我也遇到了" leads to the case page's form that follows it by phone instead.</summary>
    private async Task NeighbourFollowsInsteadOfReportingAsync(string number, long id, (double Lon, double Lat) pin)
    {
        var context = await PhoneAsync();
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/public/report");
            await page.GetByText("井盖缺失/破损").ClickAsync();
            await page.Locator("#lon").FillAsync((pin.Lon + 0.0002).ToString("F6", CultureInfo.InvariantCulture));
            await page.Locator("#lat").FillAsync(pin.Lat.ToString("F6", CultureInfo.InvariantCulture));
            await page.Locator("#lat").DispatchEventAsync("change");
            var nearby = page.GetByTestId("nearby-reports");
            await Assertions.Expect(nearby).ToBeVisibleAsync();
            var item = nearby.Locator($"li[data-number='{number}']");
            await Assertions.Expect(item).ToContainTextAsync(Approved);
            await item.ScrollIntoViewIfNeededAsync();
            await ShotAsync(page, "13-nearby-same-problem");
            await Assertions.Expect(item.GetByTestId("nearby-follow")).ToHaveTextAsync("我也遇到了");
            await item.GetByTestId("nearby-follow").ClickAsync();
            await page.WaitForURLAsync($"**/public/cases/{number}#same-problem");
            var same = page.GetByTestId("same-problem");
            await Assertions.Expect(same).ToBeInViewportAsync();
            await same.GetByLabel("手机号").FillAsync("13900001111");
            await same.GetByTestId("same-problem-submit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("same-problem-message")).ToContainTextAsync("已记下");
            await page.GetByTestId("same-problem").ScrollIntoViewIfNeededAsync();
            await ShotAsync(page, "13b-me-too");
        }
        finally
        {
            await context.DisposeAsync();
        }
    }

    private async Task<List<string>> FollowersAsync(long id)
    {
        await using var scope = site.Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CivicGridDbContext>().CaseFollowers.Where(f => f.CaseId == id).Select(f => f.Recipient).ToListAsync();
    }

    private async Task<IBrowserContext> PhoneAsync()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, Locale = "zh-CN",
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        context.SetDefaultTimeout(45_000);
        context.SetDefaultNavigationTimeout(90_000);
        return context;
    }

    private async Task<long> CaseIdAsync(string number)
    {
        await using var scope = site.Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CivicGridDbContext>().Cases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync();
    }

    /// <summary>Staff register and dispatch; the department accepts and feeds back with a photo of the result.</summary>
    private async Task FeedBackWithAPhotoAsync(long id)
    {
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
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Png(flipped: true)), "file", "after.png" } };
        var uploaded = await client.PostAsync($"/api/v1/cases/{id}/attachments", form);
        Assert.True(uploaded.IsSuccessStatusCode, await uploaded.Content.ReadAsStringAsync());
        var after = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await StepAsync(handler, id, new { action = "feedback", note = "已补装，联系人李师傅", attachmentIds = new[] { after } });
    }

    private async Task CloseAsync(long id)
    {
        await StepAsync("operator", id, new { action = "request_check" });
        string inspector; // the patrol inspector of the case's grid (the demo "inspector" patrols the city centre only)
        await using (var scope = site.Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
            var assigned = await db.Cases.Where(c => c.Id == id).Select(c => c.CheckInspectorUserId).SingleAsync();
            inspector = await db.StaffUsers.Where(u => u.Id == assigned).Select(u => u.UserName).SingleAsync();
        }
        await StepAsync(inspector, id, new { action = "check", passed = true });
        await StepAsync("shiftlead", id, new { action = "close" });
    }

    private async Task StepAsync(string user, long id, object step)
    {
        using var client = await site.ApiAsAsync(user);
        var response = await client.PostAsJsonAsync($"/api/v1/cases/{id}/transitions", step);
        Assert.True(response.IsSuccessStatusCode, $"{user}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The list shows <paramref name="count"/> images, each actually loaded (not a broken link).</summary>
    private static async Task AssertImagesShownAsync(ILocator list, int count)
    {
        var images = list.Locator("img");
        await Assertions.Expect(images).ToHaveCountAsync(count);
        foreach (var image in await images.AllAsync())
        {
            await Assertions.Expect(image).ToBeVisibleAsync();
            Assert.True(await image.EvaluateAsync<bool>("i => i.decode().then(() => i.naturalWidth > 0, () => false)"), "a photo does not load");
        }
    }

    private static async Task AssertFitsAsync(IPage page, string what) =>
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, what + " is wider than the phone");

    private static Task ShotAsync(IPage page, string step) => StaffSite.ScreenshotAsync(page, "citizen-walk-" + step);

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static FilePayload Photo(string name) => new() { Name = name, MimeType = "image/png", Buffer = Png() };

    private static byte[] Png(bool flipped = false)
    {
        using var image = TestImages.TwoColour(400, 300);
        if (flipped) image.Mutate(x => x.Flip(FlipMode.Horizontal));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }
}
