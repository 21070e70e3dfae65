using System.Text.RegularExpressions;
using CivicGrid.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests;

/// <summary>Every staff page each role can reach, crawled from its landing page and the main addresses (issue 18 items 7
/// and 8): a Chinese page shows no English word outside data and codes, and no page is wider than a 390 px phone.
/// Pages of the same shape (/cases/1, /cases/2) are visited once. What is "data or a code": text inside
/// <c>code</c>, <c>time</c>, <c>.code</c>, a map or a chart, any word with a digit in it (case numbers, hashes) and the few
/// names in <see cref="AllowedWords"/>.</summary>
[Collection(StaffSiteCollection.Name)]
public sealed partial class StaffPageCrawlTests(StaffSite site, ITestOutputHelper output)
{
    private static readonly string[] Roles = ["operator", "shiftlead", "dispatcher", "handler.huanwei", "inspector", "leader", "admin"];

    /// <summary>Where every crawl starts besides the landing page: what the navigation may not link to directly.</summary>
    private static readonly string[] Starts =
        ["/", "/cases", "/queue/register", "/queue/dispatch", "/command", "/map", "/dashboard", "/dashboard/report", "/m", "/m/report", "/admin"];

    /// <summary>Proper names and codes a Chinese page may show as they are. Keep it short.</summary>
    private static readonly HashSet<string> AllowedWords = new(StringComparer.Ordinal)
    {
        "CivicGrid", "English", // the product, and the language switch names its language in that language
        "OpenStreetMap", "Leaflet", "CSV", "JSON", "GeoJSON", "xlsx", "csv", "Open311", "API", "GPS", "WGS", // formats and services
        "GB/T", // the prefix of a national standard's number (GB/T 30428)
    };

    [Fact]
    public async Task EveryStaffPage_IsChineseOutsideDataAndCodes_AndFitsA390PxPhone()
    {
        var english = new List<string>();
        var overflow = new List<string>();
        var visited = 0;
        foreach (var role in Roles)
        {
            var desk = await site.SignInAsync(role);
            var phone = await site.SignInAsync(role, phone: true);
            await desk.SetViewportSizeAsync(1440, 900);
            await StaffSite.ScreenshotAsync(desk, $"landing-{role}-1440");
            await StaffSite.ScreenshotAsync(phone, $"landing-{role}-390");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var queue = new Queue<string>(Starts.Prepend(new Uri(desk.Url).PathAndQuery));
            while (queue.Count > 0 && seen.Count < 40)
            {
                var path = queue.Dequeue();
                if (!seen.Add(Shape(path))) continue;
                var answer = await desk.GotoAsync(path);
                if (answer is null || !answer.Ok || new Uri(desk.Url).AbsolutePath is "/forbidden" or "/login") continue;
                if (await desk.EvaluateAsync<string?>("() => document.querySelector('h1')?.textContent") is "无权访问") continue;
                visited++;
                var words = await EnglishWordsAsync(desk);
                if (words.Count > 0) english.Add($"{role} {path}: {string.Join(" ", words.Distinct().Take(12))}");
                foreach (var link in await LinksAsync(desk)) queue.Enqueue(link);

                await phone.GotoAsync(path);
                var width = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                if (width > 390) overflow.Add($"{role} {path}: {width} px");
            }
            await desk.Context.CloseAsync();
            await phone.Context.CloseAsync();
        }
        output.WriteLine($"{visited} pages visited");
        Assert.True(visited > 30, $"only {visited} pages visited");
        Assert.True(english.Count == 0, "English words on a Chinese page:\n" + string.Join("\n", english));
        Assert.True(overflow.Count == 0, "wider than a 390 px phone:\n" + string.Join("\n", overflow));
    }

    /// <summary>The page's shape: numbers and case numbers become {n}, the query is dropped.</summary>
    private static string Shape(string path) => Digits().Replace(path.Split('?')[0], "{n}");

    private static async Task<List<string>> EnglishWordsAsync(IPage page)
    {
        var text = await page.EvaluateAsync<string[]>("""
            () => {
              const skip = 'script, style, noscript, code, kbd, samp, time, .code, .leaflet-container, .chart, .pick-map, .mini-map, .live-map, [hidden], #blazor-error-ui';
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              const parts = [];
              while (walker.nextNode()) {
                const element = walker.currentNode.parentElement;
                if (!element || element.closest(skip) || element.getClientRects().length === 0) continue;
                parts.push(walker.currentNode.textContent);
              }
              document.querySelectorAll('input[placeholder], textarea[placeholder], [aria-label], [title]').forEach(e => {
                if (!e.closest(skip)) parts.push(e.getAttribute('placeholder') || '', e.getAttribute('aria-label') || '', e.getAttribute('title') || '');
              });
              return parts;
            }
            """);
        return text.SelectMany(t => Token().Matches(t)).Select(m => m.Value)
            .Where(w => !w.Any(char.IsDigit) && Letters().IsMatch(w) && !w.Contains('@') && !w.Contains("://", StringComparison.Ordinal))
            .Select(w => w.Trim('.', ':', '-', '/', '_'))
            .Where(w => w.Length > 1 && !AllowedWords.Contains(w))
            .ToList();
    }

    /// <summary>Same-site page links (no API, files, sign-out, language switch or public pages).</summary>
    private static async Task<List<string>> LinksAsync(IPage page)
    {
        var hrefs = await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('a[href]:not([download])')).map(a => a.getAttribute('href'))");
        return hrefs.Where(h => h.StartsWith('/') && !h.StartsWith("//", StringComparison.Ordinal)
                && !Regex.IsMatch(h, "^/(api|public|culture|logout|login|lib|css|js|_)", RegexOptions.None, TimeSpan.FromSeconds(1)))
            .ToList();
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();

    [GeneratedRegex("[A-Za-z0-9_.:/@'-]+")]
    private static partial Regex Token();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex Letters();
}
