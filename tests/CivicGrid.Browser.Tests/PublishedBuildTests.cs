using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.Browser.Tests;

/// <summary>What ships is what is tested: the `dotnet publish` output that ./test.sh makes (its folder in
/// CIVICGRID_PUBLISHED_SERVER) starts on its own and serves working maps and charts, with nothing fetched elsewhere.</summary>
public sealed class PublishedBuildTests : IDisposable
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("civicgrid-published-").FullName;

    public void Dispose() => Directory.Delete(_dataFolder, recursive: true);

    private static string PublishedServerDll()
    {
        var folder = Environment.GetEnvironmentVariable("CIVICGRID_PUBLISHED_SERVER")
            ?? throw new InvalidOperationException(
                "CIVICGRID_PUBLISHED_SERVER is not set: run the suite with ./test.sh, which publishes the server first.");
        var dll = Path.Combine(folder, "CivicGrid.Server.dll");
        Assert.True(File.Exists(dll), $"no published server at {dll}");
        return dll;
    }

    [Fact]
    public async Task ThePublishedServer_DrawsThePublicMap_AndServesTheChartLibrary()
    {
        var port = ServerProcess.FreePort();
        var environment = new Dictionary<string, string?>
        {
            ["CIVICGRID_DATA"] = _dataFolder,
            ["CIVICGRID_DEMO_PASSWORD"] = "demo-Passw0rd",
            ["ASPNETCORE_URLS"] = null,
        };
        await using var server = ServerProcess.StartFrom(PublishedServerDll(), environment, "--urls", $"http://127.0.0.1:{port}");
        await server.WaitForOutputAsync("Demo password", ServerProcess.Patience);
        var baseUrl = $"http://127.0.0.1:{port}";

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "zh-CN" });
        context.SetDefaultTimeout(45_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        var failed = new List<string>();
        page.RequestFailed += (_, request) => failed.Add(request.Url);
        page.Response += (_, response) => { if (response.Status >= 400) failed.Add($"{response.Status} {response.Url}"); };

        await page.GotoAsync("/public/map");
        var map = page.GetByTestId("public-map");
        await Assertions.Expect(map).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("leaflet-container"));
        await Assertions.Expect(page.Locator("#public-map-status")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("[0-9]"));
        Assert.Equal("hidden", await map.EvaluateAsync<string>("e => getComputedStyle(e).overflow")); // leaflet.css applied
        Assert.True(await page.Locator(".leaflet-control-zoom").CountAsync() == 1, "no Leaflet zoom control");
        Assert.Empty(failed);

        var charts = await page.APIRequest.GetAsync("/lib/echarts/echarts.min.js");
        Assert.Equal(200, charts.Status);
        Assert.Contains("echarts", await charts.TextAsync(), StringComparison.Ordinal);
    }
}
