using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.Browser.Tests;

/// <summary>The printable monthly report: its figures are the dashboard's, its charts render, and it prints to PDF.</summary>
[Collection(StaffSiteCollection.Name)]
public sealed class MonthlyReportTests(StaffSite site)
{
    /// <summary>The test server's clock stands at 2026-11-26; the demo history covers the 90 days before, so October is
    /// the last complete month and full of cases.</summary>
    private const string Month = "2026-10";

    [Fact]
    public async Task TheMonthlyReport_ShowsTheDashboardsFigures_DrawsItsCharts_AndPrintsToPdf()
    {
        var page = await site.SignInAsync("leader");
        await page.GotoAsync("/dashboard?period=" + Month);
        await page.GetByTestId("monthly-report").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/dashboard/report?month=" + Month, StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("report")).ToHaveAttributeAsync("data-month", Month);

        var api = await site.ApiAsAsync("leader");
        var dashboard = await api.GetFromJsonAsync<JsonElement>("/api/v1/dashboard?period=" + Month);
        double Api(string code) => dashboard.GetProperty("figures").EnumerateArray()
            .Single(f => f.GetProperty("code").GetString() == code).GetProperty("value").GetDouble();
        async Task<double> Shown(string code) => double.Parse(
            (await page.GetByTestId("headline-" + code).Locator("td").First.GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture);
        Assert.True(Api("registered") > 10, $"the demo history registers cases in October ({Api("registered")})");
        Assert.Equal(Api("registered"), await Shown("registered"));
        Assert.Equal(Api("reported"), await Shown("reported"));
        Assert.Equal(Api("onTimeClosureRate"), await Shown("onTimeClosureRate"), 9);

        await Assertions.Expect(page.GetByTestId("trend-chart").Locator("svg path").First).ToBeAttachedAsync();
        await Assertions.Expect(page.GetByTestId("type-chart").Locator("svg")).ToBeVisibleAsync();
        Assert.True(await page.GetByTestId("evaluation-district").Locator("tbody tr").CountAsync() > 0);
        Assert.True(await page.GetByTestId("evaluation-department").Locator("tbody tr").CountAsync() > 0);
        await Assertions.Expect(page.GetByTestId("evaluation-district").Locator("tbody tr").First.Locator("td").Nth(3)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-E]$"));
        await StaffSite.ScreenshotAsync(page, "monthly-report");

        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
        Assert.True(pdf.Length > 20_000, $"the PDF has only {pdf.Length} bytes");
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        var pages = System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]");
        Assert.True(pages >= 4, $"the report's sections start on new pages, but the PDF has {pages} pages");
        await File.WriteAllBytesAsync(Path.Combine(StaffSite.ScreenshotFolder, "monthly-report.pdf"), pdf);

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Assertions.Expect(page.Locator("header.topbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("print")).ToBeHiddenAsync();
        await StaffSite.ScreenshotAsync(page, "monthly-report-print");
    }

    [Fact]
    public async Task TheReport_DefaultsToTheLastCompleteMonth_AndSpeaksEnglishOnRequest()
    {
        var page = await site.SignInAsync("leader");
        await page.GotoAsync("/dashboard/report");
        await Assertions.Expect(page.GetByTestId("report")).ToHaveAttributeAsync("data-month", Month);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("月度综合评价报告");
        await page.GetByTestId("lang-en").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("monthly evaluation report");
        await page.GotoAsync("/dashboard/report?month=2026-13");
        await Assertions.Expect(page.Locator("#month-error")).ToBeVisibleAsync();
        await page.GetByTestId("lang-zh").ClickAsync();
    }

    [Fact]
    public async Task TheReport_IsForLeadersOnly()
    {
        var page = await site.SignInAsync("handler.huanwei");
        await page.GotoAsync("/dashboard/report");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("无权访问");
    }
}
