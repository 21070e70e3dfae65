using CivicGrid.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.Browser.Tests;

/// <summary>The public forms (issue 17 item 7) are accessible and flag every missing field at once. The citizen's
/// whole way through them on a phone is <see cref="CitizenWalkTests"/>.</summary>
[Collection(StaffSiteCollection.Name)]
public sealed class CitizenFormTests(StaffSite site)
{
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
            // An empty submit flags every missing field at once, each outlined (the walk in CitizenWalkTests meets one).
            await page.GetByTestId("public-submit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("report-errors")).ToContainTextAsync("3 处");
            await Assertions.Expect(page.GetByTestId("error-problem")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("error-description")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("error-latitude")).ToBeVisibleAsync();
            foreach (var field in new[] { "#description", "#lat", "#lon" })
                await Assertions.Expect(page.Locator(field)).ToHaveAttributeAsync("aria-invalid", "true");
            Assert.Equal("solid", await page.Locator("#lat").EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
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
}
