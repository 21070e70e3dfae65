using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CivicGrid.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.Browser.Tests;

/// <summary>Light public pages (issue 17 item 8): a cold `/public` downloads under 300 KB and no map or chart library;
/// the libraries a map page needs come compressed and cached for a year; no public page is wider than a small phone.</summary>
[Collection(StaffSiteCollection.Name)]
public sealed partial class PublicPageWeightTests(StaffSite site)
{
    private const long Budget = 300 * 1024;

    [Fact]
    public async Task AColdPublicHome_WeighsUnder300KB_AndLoadsNeitherLeafletNorECharts()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl, Locale = "zh-CN" });
        try
        {
            var page = await context.NewPageAsync();
            var responses = new List<IResponse>();
            page.Response += (_, response) => responses.Add(response);
            await page.GotoAsync("/public", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

            long total = 0;
            foreach (var response in responses)
            {
                var sizes = await response.Request.SizesAsync();
                total += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
            }
            var urls = responses.Select(r => r.Url).ToList();
            Assert.DoesNotContain(urls, u => u.Contains("/lib/", StringComparison.Ordinal));
            Assert.Contains(urls, u => u.Contains("blazor.web", StringComparison.Ordinal)); // the count covers the scripts
            Assert.True(total < Budget, $"a cold /public transferred {total:N0} bytes (budget {Budget:N0}): {string.Join(", ", urls)}");

            // A page with a map loads Leaflet on demand and draws it.
            await page.GotoAsync("/public/map");
            await Assertions.Expect(page.GetByTestId("public-map")).ToHaveClassAsync(new Regex("leaflet-container"));
            Assert.Contains(responses, r => r.Url.Contains("/lib/leaflet/leaflet.js?v=", StringComparison.Ordinal));
        }
        finally
        {
            await context.DisposeAsync();
        }
    }

    [Fact]
    public async Task AFingerprintedLibrary_IsCompressedAndCachedForAYear_AndRevalidatesWithoutTheFingerprint()
    {
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = new Uri(site.BaseUrl),
        };
        var html = await client.GetStringAsync("/public");
        var url = WebUtility.HtmlDecode(EChartsUrl().Match(html).Groups[1].Value);
        Assert.Matches("^/lib/echarts/echarts.min.js\\?v=[0-9a-f]{16}$", url);

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.ParseAdd("br");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var compressed = await response.Content.ReadAsByteArrayAsync();
        using var plain = new MemoryStream();
        await using (var brotli = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress)) await brotli.CopyToAsync(plain);
        var original = await client.GetByteArrayAsync("/lib/echarts/echarts.min.js");
        Assert.Equal(original, plain.ToArray());
        Assert.True(compressed.Length * 3 < original.Length, $"Brotli made {original.Length:N0} bytes into {compressed.Length:N0}");

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/lib/echarts/echarts.min.js");
        revalidate.Headers.TryAddWithoutValidation("If-None-Match", response.Headers.ETag!.ToString());
        using var notModified = await client.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal("no-cache", notModified.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/lib/echarts/none.js")).StatusCode);
    }

    [Theory]
    [InlineData(320, 640)]
    [InlineData(390, 844)]
    public async Task NoPublicPage_IsWiderThanAPhone(int width, int height)
    {
        var receipt = await site.Server.Client.PostAsJsonAsync("/api/public/reports", new
        {
            longitude = 110.3312, latitude = 20.0208, kind = "matter", typeCode = "06010", description = "窄屏检查", anonymous = true,
        });
        Assert.True(receipt.IsSuccessStatusCode, await receipt.Content.ReadAsStringAsync());
        var answer = await receipt.Content.ReadFromJsonAsync<JsonElement>();
        var (token, number) = (answer.GetProperty("trackingToken").GetString(), answer.GetProperty("number").GetString());
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = true, HasTouch = true,
        });
        try
        {
            var page = await context.NewPageAsync();
            var wide = new List<string>();
            foreach (var path in new[] { "/public", "/public/map", "/public/report", "/public/notices", $"/public/track/{token}",
                         $"/public/track/{token}?new=1", $"/public/cases/{number}" })
            {
                await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
                var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                if (scrollWidth > width) wide.Add($"{path}: {scrollWidth} px");
            }
            // A failed submit shows its messages on the same narrow screen.
            await page.GotoAsync("/public/report");
            await page.Locator("form button[type=submit]").Last.ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var afterError = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (afterError > width) wide.Add($"/public/report after a failed submit: {afterError} px");
            Assert.True(wide.Count == 0, $"wider than {width} px: {string.Join("; ", wide)}");
        }
        finally
        {
            await context.DisposeAsync();
        }
    }

    [GeneratedRegex("data-lib-echarts=\"([^\"]+)\"")]
    private static partial Regex EChartsUrl();
}
