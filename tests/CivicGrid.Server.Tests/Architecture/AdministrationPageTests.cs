using System.Reflection;
using CivicGrid.Data;
using CivicGrid.Server.Hosting;
using Microsoft.AspNetCore.Components;

namespace CivicGrid.Server.Tests.Architecture;

/// <summary>The administration pages call their feature's services, the same ones the API calls, and never the
/// DbContext (ADR 0013, ADR 0014 rule 4).</summary>
public sealed class AdministrationPageTests
{
    private static readonly string[] AdministrationPages =
        ["CivicGrid.Server.Features.Organisation.Pages", "CivicGrid.Server.Features.Catalogue.Pages", "CivicGrid.Server.Features.Calendar.Pages"];

    [Fact]
    public void No_administration_page_injects_the_DbContext()
    {
        var pages = typeof(CivicGridServer).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && AdministrationPages.Contains(t.Namespace)).ToList();
        Assert.True(pages.Count >= 8, $"expected the administration pages, found {pages.Count}");
        var injecting = pages
            .Where(page => page.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Any(p => p.GetCustomAttribute<InjectAttribute>() is not null && p.PropertyType == typeof(CivicGridDbContext)))
            .Select(page => page.FullName).ToList();
        Assert.True(injecting.Count == 0, "pages that inject the DbContext: " + string.Join(", ", injecting));
    }
}
