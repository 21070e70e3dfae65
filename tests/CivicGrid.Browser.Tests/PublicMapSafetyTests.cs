using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Browser.Tests.Infrastructure;
using CivicGrid.Data;
using CivicGrid.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CivicGrid.Browser.Tests;

/// <summary>Text that administrators type reaches the public map as text: a catalogue type named like markup shows
/// its angle brackets in the popup and runs nothing (popups are built from text nodes, and the CSP forbids inline
/// handlers besides).</summary>
[Collection(StaffSiteCollection.Name)]
public sealed class PublicMapSafetyTests(StaffSite site)
{
    private const string Markup = "<img src=x onerror=\"window.__civicXss=1\">";

    [Fact]
    public async Task ATypeNameWithMarkup_ShowsAsTextInThePublicMapPopup_AndRunsNoScript()
    {
        var report = await site.Server.Client.PostAsJsonAsync("/api/public/reports", new
        {
            longitude = 110.3312, latitude = 20.0208, kind = "matter", typeCode = "06010", description = "XSS check", anonymous = true,
        });
        Assert.True(report.IsSuccessStatusCode, await report.Content.ReadAsStringAsync());
        var number = (await report.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
        var original = await RenameAsync(Markup + "垃圾");
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl });
        try
        {
            var page = await context.NewPageAsync();
            var violations = new List<string>();
            page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Add(message.Text); };
            await page.GotoAsync("/public/map");
            await Assertions.Expect(page.GetByTestId("public-map")).ToHaveAttributeAsync("data-cases", new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));

            // Open the popup of the reported case (Leaflet markers have no test ids; the map object does).
            var found = await page.EvaluateAsync<bool>(@"number => {
                const map = document.querySelector('[data-public-map]')._civicMap;
                let found = false;
                map.eachLayer(layer => {
                    if (found || !layer.getPopup || !layer.getPopup()) return;
                    layer.openPopup();
                    const content = document.querySelector('.leaflet-popup-content');
                    if (content && content.textContent.includes(number)) found = true; else layer.closePopup();
                });
                return found;
            }", number);
            Assert.True(found, "the reported case has no popup on the public map");

            var popup = page.Locator(".leaflet-popup-content");
            await Assertions.Expect(popup).ToContainTextAsync(Markup + "垃圾");
            Assert.Equal(0, await popup.Locator("img").CountAsync());
            await page.WaitForTimeoutAsync(300);
            Assert.Null(await page.EvaluateAsync<int?>("() => window.__civicXss ?? null"));
            Assert.Empty(violations);
        }
        finally
        {
            await context.DisposeAsync();
            await RenameAsync(original);
        }
    }

    /// <summary>Renames the matter type 06010 through the catalogue administration (which drops the cached reference
    /// data on every instance); answers the old name.</summary>
    private async Task<string> RenameAsync(string name)
    {
        string old;
        await using (var scope = site.Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
            old = (await db.CatalogueTypes.AsNoTracking().SingleAsync(t => t.Kind == CatalogueKind.Matter && t.Code == "06010")).Name;
        }
        using var admin = await site.ApiAsAsync("admin");
        var response = await admin.PutAsJsonAsync("/api/v1/catalogue/types/matter/06010", new { name });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return old;
    }
}
