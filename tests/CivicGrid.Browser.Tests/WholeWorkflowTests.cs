using System.Text.RegularExpressions;
using CivicGrid.Browser.Tests.Infrastructure;
using CivicGrid.Data;
using CivicGrid.Server.Tests.Attachments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using SixLabors.ImageSharp;

namespace CivicGrid.Browser.Tests;

/// <summary>One case through the whole workflow in the browser, each step by the role that takes it: the inspector
/// reports on the phone page, the operator registers (after one validation error and one refused stale step), the
/// dispatcher dispatches in one click from the queue, the department accepts in one click and feeds back with the
/// after-photo, the operator sends the check to the inspector, the inspector checks, the shift lead closes. The clicks
/// each role needs from its queue are printed, and the dispatcher's and department's steps take at most three
/// (issue 18).</summary>
[Collection(StaffSiteCollection.Name)]
public sealed partial class WholeWorkflowTests(StaffSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task OneCase_GoesFromReportToClose_ThroughTheUi_AsEachRole()
    {
        var clicks = new ClickCounts();
        // Inspector, on a phone: report with type, description, position and photo.
        var inspector = await site.SignInAsync("inspector", phone: true);
        await inspector.GotoAsync("/m/report");
        var typeValue = await inspector.EvalOnSelectorAsync<string>("#types option[value^='06010 ']", "o => o.value");
        await inspector.GetByLabel("问题类型").FillAsync(typeValue);
        await inspector.GetByLabel("问题描述").FillAsync("浏览器测试：人行道上堆放暴露垃圾");
        await inspector.GetByLabel("经度").FillAsync("110.330000");
        await inspector.GetByLabel("纬度").FillAsync("20.020000");
        await inspector.Locator("#photo").SetInputFilesAsync(Photo("before.png"));
        await StaffSite.ScreenshotAsync(inspector, "mobile-report");
        await inspector.GetByTestId("report-submit").ClickAsync();
        var done = await inspector.GetByTestId("report-done").TextContentAsync();
        var number = CaseNumber().Match(done ?? "").Value;
        Assert.False(string.IsNullOrEmpty(number), $"no case number in '{done}'");
        var caseId = await CaseIdAsync(number);

        // Intake operator: the case waits in the register queue.
        var operatorPage = await site.SignInAsync("operator");
        await operatorPage.GotoAsync("/queue/register");
        await Assertions.Expect(operatorPage.Locator($"[data-testid=case-row][data-number='{number}']")).ToBeVisibleAsync();
        await StaffSite.ScreenshotAsync(operatorPage, "queue");
        await clicks.Click("operator", "register", operatorPage.Locator($"[data-testid=case-row][data-number='{number}'] a"));
        await Assertions.Expect(operatorPage.GetByTestId("case-number")).ToHaveTextAsync(number);
        await Assertions.Expect(operatorPage.GetByTestId("case-limit")).ToHaveTextAsync("15 分钟（紧急工时）"); // the limit says its unit
        await StaffSite.ScreenshotAsync(operatorPage, "case-page");

        // A validation error: rejecting without a reason is refused beside the note field, and nothing changes.
        await operatorPage.Locator("a[data-action=reject]").ClickAsync();
        await operatorPage.GetByTestId("step-submit").ClickAsync();
        await Assertions.Expect(operatorPage.GetByTestId("error-note")).ToBeVisibleAsync();
        await Assertions.Expect(operatorPage.GetByTestId("case-status")).ToHaveTextAsync("已上报");

        // A refused action: a second tab holds the register form while the first registers; the stale tab's step is refused.
        var staleTab = await operatorPage.Context.NewPageAsync();
        await staleTab.GotoAsync($"/cases/{caseId}?do=register");
        await operatorPage.GotoAsync($"/cases/{caseId}?do=register");
        await operatorPage.GetByLabel("说明").FillAsync("现场属实，立案");
        await operatorPage.GetByTestId("step-submit").ClickAsync();
        await Assertions.Expect(operatorPage.GetByTestId("step-done")).ToBeVisibleAsync();
        await Assertions.Expect(operatorPage.GetByTestId("case-status")).ToHaveTextAsync("已立案");
        await staleTab.GetByTestId("step-submit").ClickAsync();
        await Assertions.Expect(staleTab.GetByTestId("step-refused")).ToBeVisibleAsync();
        await Assertions.Expect(staleTab.GetByTestId("case-status")).ToHaveTextAsync("已立案");

        // Dispatcher: from the queue, one click dispatches to the department routing suggests (it has people who act).
        var dispatcher = await site.SignInAsync("dispatcher");
        await dispatcher.GotoAsync("/queue/dispatch");
        await StaffSite.ScreenshotAsync(dispatcher, "dispatcher-queue");
        var dispatchRow = dispatcher.Locator($"[data-testid=case-row][data-number='{number}']");
        await clicks.Click("dispatcher", "dispatch", dispatchRow.Locator("button[data-one-click=dispatch]"));
        await Assertions.Expect(dispatcher.GetByTestId("batch-message")).ToContainTextAsync(number);
        await dispatcher.GotoAsync($"/cases/{caseId}");
        await Assertions.Expect(dispatcher.GetByTestId("case-status")).ToHaveTextAsync("已派遣");
        await Assertions.Expect(dispatcher.GetByTestId("case-district")).ToHaveTextAsync(new Regex("区$"));
        await Assertions.Expect(dispatcher.GetByTestId("case-place")).ToContainTextAsync("网格");

        // The department the case went to: 签收 in one click from the queue, then the feedback with the after-photo,
        // which this type's closing condition asks for.
        await RequireAfterPhotoAsync("06010");
        var handler = await site.SignInAsync(await HandlerOfAsync(caseId));
        await handler.GotoAsync("/queue/handle");
        await StaffSite.ScreenshotAsync(handler, "department-queue");
        await clicks.Click("department", "accept", handler.Locator($"[data-testid=case-row][data-number='{number}'] button[data-one-click=accept]"));
        await Assertions.Expect(handler.GetByTestId("batch-message")).ToContainTextAsync(number);
        await clicks.Click("department", "feedback", handler.Locator($"[data-testid=case-row][data-number='{number}'] a"));
        await Assertions.Expect(handler.GetByTestId("case-status")).ToHaveTextAsync("处置中");
        await clicks.Click("department", "feedback", handler.Locator("a[data-action=feedback]"));
        await Assertions.Expect(handler.Locator("label[for=photo]")).ToHaveTextAsync("处置后照片 *");
        await handler.GetByLabel("说明").FillAsync("垃圾已清运");
        await handler.Locator("#photo").SetInputFilesAsync(Photo("after.png"));
        await clicks.Click("department", "feedback", handler.GetByTestId("step-submit"));
        await Assertions.Expect(handler.GetByTestId("case-status")).ToHaveTextAsync("已反馈（待发送核查）");
        // After the step: the next case of the queue or back to it, not "you cannot act on this case".
        await Assertions.Expect(handler.GetByTestId("back-to-queue")).ToHaveAttributeAsync("href", "/queue/handle");
        await Assertions.Expect(handler.GetByTestId("next-steps")).ToBeVisibleAsync();
        await Assertions.Expect(handler.GetByText("您现在不能对此案件执行操作。")).ToHaveCountAsync(0);

        // Intake operator: the fed-back case waits to be sent for the check; an inspector is preselected, the operator picks the reporter.
        await operatorPage.GotoAsync("/queue/send-check");
        await clicks.Click("operator", "request_check", operatorPage.Locator($"[data-testid=case-row][data-number='{number}'] a"));
        await clicks.Click("operator", "request_check", operatorPage.Locator("a[data-action=request_check]"));
        Assert.False(string.IsNullOrEmpty(await operatorPage.Locator("#inspector").InputValueAsync()), "no inspector suggested");
        await operatorPage.Locator("#inspector").SelectOptionAsync((await UserIdAsync("inspector")).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await clicks.Click("operator", "request_check", operatorPage.GetByTestId("step-submit"));
        await Assertions.Expect(operatorPage.GetByTestId("case-status")).ToHaveTextAsync("核查中");

        // Inspector, on the phone again: the check task, passed.
        await inspector.GotoAsync("/m");
        await Assertions.Expect(inspector.Locator($"[data-testid=tasks] li[data-number='{number}'] [data-testid=task-place]")).Not.ToHaveTextAsync("—");
        await StaffSite.ScreenshotAsync(inspector, "mobile-tasks");
        await inspector.Locator($"[data-testid=tasks] li[data-number='{number}'] a").ClickAsync();
        // The check form is the first thing on the phone's screen (issue 18 item 6), not below the case's facts.
        var form = await inspector.GetByTestId("task-form").BoundingBoxAsync();
        Assert.True(form is { Y: < 300 }, $"the check form starts at {form?.Y} px");
        await StaffSite.ScreenshotAsync(inspector, "mobile-task");
        await inspector.Locator("input[name='Input.Answer'][value=yes]").CheckAsync();
        await inspector.GetByTestId("task-submit").ClickAsync();
        await Assertions.Expect(inspector.GetByTestId("task-done")).ToContainTextAsync(number);
        await Assertions.Expect(inspector.Locator($"[data-testid=tasks] li[data-number='{number}']")).ToHaveCountAsync(0);

        // Shift lead closes.
        var shiftLead = await site.SignInAsync("shiftlead");
        await shiftLead.GotoAsync("/queue/close");
        await StaffSite.ScreenshotAsync(shiftLead, "shiftlead-queue");
        await clicks.Click("shift lead", "close", shiftLead.Locator($"[data-testid=case-row][data-number='{number}'] a"));
        await clicks.Click("shift lead", "close", shiftLead.Locator("a[data-action=close]"));
        await clicks.Click("shift lead", "close", shiftLead.GetByTestId("step-submit"));
        await Assertions.Expect(shiftLead.GetByTestId("case-status")).ToHaveTextAsync("已结案");
        await Assertions.Expect(shiftLead.Locator("a[data-action=reopen]")).ToBeVisibleAsync();
        await Assertions.Expect(shiftLead.Locator("a[data-action=close]")).ToHaveCountAsync(0);
        var steps = await shiftLead.Locator("[data-testid=timeline] li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.action)");
        Assert.Equal(["report", "register", "dispatch", "accept", "feedback", "request_check", "check", "close"], steps);

        // The timeline reads in one language, each actor once with their role: "陈静（受理员）立案".
        var lines = await shiftLead.GetByTestId("timeline-line").AllTextContentsAsync();
        Assert.Contains("陈静（受理员）立案", lines);
        Assert.Contains("黄丽（派遣员）派遣", lines);
        var timeline = await shiftLead.GetByTestId("timeline").InnerTextAsync();
        Assert.DoesNotMatch(new Regex("[A-Za-z]{3,}"), timeline);
        Assert.DoesNotContain("（受理员）（受理员）", timeline, StringComparison.Ordinal);
        // Photos before and after handling side by side.
        Assert.Equal(1, await shiftLead.Locator("[data-testid=photos-before] img").CountAsync());
        Assert.Equal(1, await shiftLead.Locator("[data-testid=photos-after] img").CountAsync());
        await shiftLead.SetViewportSizeAsync(1440, 900);
        await StaffSite.ScreenshotAsync(shiftLead, "case-closed");

        foreach (var line in clicks.Report()) output.WriteLine(line);
        clicks.AssertAtMost(3, "dispatcher", "department");
    }

    /// <summary>The closing condition of the type asks for a photo after handling (AfterPhotoRule), as an administrator would write it.</summary>
    private async Task RequireAfterPhotoAsync(string typeCode)
    {
        await using var scope = site.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        await db.CaseStandards.Where(s => s.Kind == CivicGrid.Domain.Catalogue.CatalogueKind.Matter && s.TypeCode == typeCode && !s.ClosingCondition.Contains("照片"))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ClosingCondition, x => x.ClosingCondition + "，附处置后照片"));
    }

    private async Task<long> CaseIdAsync(string number)
    {
        await using var scope = site.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        return await db.Cases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync();
    }

    private async Task<int> UserIdAsync(string userName)
    {
        await using var scope = site.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        return await db.StaffUsers.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private async Task<string> HandlerOfAsync(long caseId)
    {
        await using var scope = site.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        var department = await db.Cases.Where(c => c.Id == caseId).Select(c => c.DepartmentId).SingleAsync();
        return await db.StaffUsers.Where(u => u.DepartmentId == department && u.IsActive).OrderBy(u => u.Id).Select(u => u.UserName).FirstAsync();
    }

    private static FilePayload Photo(string name)
    {
        using var image = TestImages.TwoColour(320, 240);
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return new FilePayload { Name = name, MimeType = "image/png", Buffer = stream.ToArray() };
    }

    [GeneratedRegex(@"[A-Z]{2}\d{13}")]
    private static partial Regex CaseNumber();
}
