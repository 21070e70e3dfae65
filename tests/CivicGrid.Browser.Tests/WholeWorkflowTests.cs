using System.Text.RegularExpressions;
using CivicGrid.Browser.Tests.Infrastructure;
using CivicGrid.Data;
using CivicGrid.Server.Tests.Attachments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SixLabors.ImageSharp;

namespace CivicGrid.Browser.Tests;

/// <summary>One case through the whole workflow in the browser, each step by the role that takes it: the inspector
/// reports on the phone page, the operator registers (after one validation error and one refused stale step), the
/// dispatcher dispatches, the department accepts and feeds back, the operator sends the check to the inspector, the
/// inspector checks, the shift lead closes.</summary>
[Collection(StaffSiteCollection.Name)]
public sealed partial class WholeWorkflowTests(StaffSite site)
{
    [Fact]
    public async Task OneCase_GoesFromReportToClose_ThroughTheUi_AsEachRole()
    {
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
        await operatorPage.Locator($"[data-testid=case-row][data-number='{number}'] a").ClickAsync();
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

        // Dispatcher: the routing rules preselect the department.
        var dispatcher = await site.SignInAsync("dispatcher");
        await dispatcher.GotoAsync("/queue/dispatch");
        await dispatcher.Locator($"[data-testid=case-row][data-number='{number}'] a").ClickAsync();
        await dispatcher.Locator("a[data-action=dispatch]").ClickAsync();
        Assert.False(string.IsNullOrEmpty(await dispatcher.Locator("#department").InputValueAsync()), "no department suggested");
        await dispatcher.GetByTestId("step-submit").ClickAsync();
        await Assertions.Expect(dispatcher.GetByTestId("case-status")).ToHaveTextAsync("已派遣");

        // The department the case went to: accept, then feed back with a photo.
        var handler = await site.SignInAsync(await HandlerOfAsync(caseId));
        await handler.GotoAsync("/queue/handle");
        await handler.Locator($"[data-testid=case-row][data-number='{number}'] a").ClickAsync();
        await handler.Locator("a[data-action=accept]").ClickAsync();
        await handler.GetByTestId("step-submit").ClickAsync();
        await Assertions.Expect(handler.GetByTestId("case-status")).ToHaveTextAsync("处置中");
        await handler.Locator("a[data-action=feedback]").ClickAsync();
        await handler.GetByLabel("说明").FillAsync("垃圾已清运");
        await handler.Locator("#photo").SetInputFilesAsync(Photo("after.png"));
        await handler.GetByTestId("step-submit").ClickAsync();
        await Assertions.Expect(handler.GetByTestId("case-status")).ToHaveTextAsync("已反馈（待发送核查）");

        // Intake operator: the fed-back case waits to be sent for the check; an inspector is preselected, the operator picks the reporter.
        await operatorPage.GotoAsync("/queue/send-check");
        await operatorPage.Locator($"[data-testid=case-row][data-number='{number}'] a").ClickAsync();
        await operatorPage.Locator("a[data-action=request_check]").ClickAsync();
        Assert.False(string.IsNullOrEmpty(await operatorPage.Locator("#inspector").InputValueAsync()), "no inspector suggested");
        await operatorPage.Locator("#inspector").SelectOptionAsync((await UserIdAsync("inspector")).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await operatorPage.GetByTestId("step-submit").ClickAsync();
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
        await shiftLead.Locator($"[data-testid=case-row][data-number='{number}'] a").ClickAsync();
        await shiftLead.Locator("a[data-action=close]").ClickAsync();
        await shiftLead.GetByTestId("step-submit").ClickAsync();
        await Assertions.Expect(shiftLead.GetByTestId("case-status")).ToHaveTextAsync("已结案");
        await Assertions.Expect(shiftLead.Locator("a[data-action=reopen]")).ToBeVisibleAsync();
        await Assertions.Expect(shiftLead.Locator("a[data-action=close]")).ToHaveCountAsync(0);
        var steps = await shiftLead.Locator("[data-testid=timeline] li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.action)");
        Assert.Equal(["report", "register", "dispatch", "accept", "feedback", "request_check", "check", "close"], steps);
        Assert.Equal(2, await shiftLead.Locator(".photos img").CountAsync());
        await StaffSite.ScreenshotAsync(shiftLead, "case-closed");
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
