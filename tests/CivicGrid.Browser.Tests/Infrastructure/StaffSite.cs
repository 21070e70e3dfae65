using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.Browser.Tests.Infrastructure;

/// <summary>One real server (small demo city, SQLite file, real Kestrel on loopback) and one headless Debian Chromium
/// for all browser tests. Each role signs in in its own browser context, as different people on different machines.</summary>
public sealed class StaffSite : IAsyncLifetime
{
    public const string Password = "demo-Passw0rd-for-browser-tests";

    private readonly SqliteTestDatabase _database = new();
    private IPlaywright? _playwright;

    public RunningServer Server { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl => Server.Client.BaseAddress!.ToString().TrimEnd('/');

    /// <summary>Screenshots of the main pages go here (artifacts/ is not committed).</summary>
    public static string ScreenshotFolder { get; } = FindScreenshotFolder();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        // Every person in these tests signs in from the same loopback address: lift the per-address sign-in limit
        // (tested on its own in the server tests) so a long walk does not meet it.
        Server = await RunningServer.StartAsync(_database, configure: null, demo: true, "--Demo:Password=" + Password,
            "--Auth:SignInFormPostsPerIpPerMinute=1000");
        _playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(20_000);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>A fresh browser context signed in as <paramref name="userName"/> through the sign-in page.</summary>
    public async Task<IPage> SignInAsync(string userName, bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1366, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
            Locale = "zh-CN",
        });
        // Generous timeouts: the machines the suite runs on are small and often busy; a real failure still fails.
        context.SetDefaultTimeout(45_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal),
            new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    /// <summary>An API client with a bearer token, for the steps a test takes "elsewhere" (another person, another app).</summary>
    public async Task<HttpClient> ApiAsAsync(string userName)
    {
        var response = await Server.Client.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password = Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        var client = new HttpClient { BaseAddress = Server.Client.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static string FindScreenshotFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CivicGrid.slnx"))) directory = directory.Parent;
        var folder = Path.Combine(directory?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}

[CollectionDefinition(Name)]
public sealed class StaffSiteCollection : ICollectionFixture<StaffSite>
{
    public const string Name = "staff site";
}
