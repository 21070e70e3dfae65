using CivicGrid.Server.Hosting;

namespace CivicGrid.Server.Tests.Architecture;

/// <summary>The server's folders use each other only as ADR 0014 allows (docs/adr/0014-feature-slices-and-platform.md).</summary>
public sealed class LayoutTests
{
    private static readonly List<TypeReferences.Use> Uses =
        TypeReferences.Read(typeof(CivicGridServer).Assembly.Location);

    [Fact]
    public void No_folder_uses_a_folder_it_may_not()
    {
        var breaches = Uses
            .Select(u => (Use: u, From: LayoutRules.FolderOf(u.FromNamespace, u.FromType), To: LayoutRules.FolderOf(u.ToNamespace, u.ToType)))
            .Where(x => x.From is not null && x.To is not null)
            .Select(x => (x.Use, x.From, x.To, Why: LayoutRules.Breach(x.From!, x.To!)))
            .Where(x => x.Why is not null)
            .Select(x => $"{x.From} → {x.To} ({x.Why}): {x.Use.FromType} uses {x.Use.ToType}")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(breaches.Count == 0, $"{breaches.Count} uses break the layout rules:\n" + string.Join("\n", breaches));
    }

    [Fact]
    public void Every_server_type_lives_in_a_known_folder()
    {
        var known = new[] { "Hosting", "Platform", "Seeding", "Interchange" };
        var strays = Uses.Select(u => (u.FromType, Folder: LayoutRules.FolderOf(u.FromNamespace, u.FromType)))
            .Where(x => x.Folder is not null && !known.Contains(x.Folder)
                && !(x.Folder.StartsWith("Features.", StringComparison.Ordinal)
                     && LayoutRules.FeatureOrder.Contains(x.Folder["Features.".Length..])))
            .Select(x => $"{x.FromType} ({x.Folder})").Distinct().ToList();
        Assert.True(strays.Count == 0, "types outside the folders of ADR 0014:\n" + string.Join("\n", strays));
    }

    [Fact]
    public void The_reader_sees_uses_across_folders()
    {
        // Guards the test above against passing because the reader found nothing: the composition root must be seen
        // using a feature, and a feature's page its feature's service.
        Assert.Contains(Uses, u => u.FromNamespace == "CivicGrid.Server.Hosting" && u.ToNamespace.StartsWith("CivicGrid.Server.Features.Cases", StringComparison.Ordinal));
        Assert.Contains(Uses, u => u.FromNamespace.StartsWith("CivicGrid.Server.Features.Cases", StringComparison.Ordinal)
            && u.ToNamespace == "CivicGrid.Server.Platform.Auth");
    }

    [Fact]
    public void Pages_read_and_write_through_their_features_services_not_the_DbContext()
    {
        // ADR 0014 rule 4. Photos go through AttachmentUploads (checks, stores, records, cleans up), never the bare store.
        var uses = TypeReferences.Read(typeof(CivicGridServer).Assembly.Location, withOtherAssemblies: true);
        var breaches = uses
            .Where(u => u.FromNamespace.EndsWith(".Pages", StringComparison.Ordinal))
            .Where(u => u.ToType is "CivicGrid.Data.CivicGridDbContext" or "CivicGrid.Server.Platform.Attachments.AttachmentStore")
            .Select(u => $"{u.FromType} uses {u.ToType}").Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(breaches.Count == 0, "pages that bypass their feature's services:\n" + string.Join("\n", breaches));
        // Guards against passing because the reader found nothing: the case page is seen using the services.
        Assert.Contains(uses, u => u.FromNamespace == "CivicGrid.Server.Features.Cases.Pages"
            && u.ToType == "CivicGrid.Server.Platform.Attachments.AttachmentUploads");
        Assert.Contains(uses, u => u.FromNamespace == "CivicGrid.Server.Features.Cases.Pages"
            && u.ToType == "CivicGrid.Server.Features.Cases.CaseViews");
        Assert.Contains(uses, u => u.ToType == "CivicGrid.Data.CivicGridDbContext"); // and sees other assemblies' types
    }

    [Theory]
    [InlineData("Platform", "Features.Cases")]
    [InlineData("Features.Geography", "Features.Cases")]
    [InlineData("Features.Cases", "Features.Open311")]
    [InlineData("Features.Cases", "Seeding")]
    [InlineData("Features.Cases", "Hosting")]
    [InlineData("Seeding", "Interchange")]
    [InlineData("Features.Brand", "Platform")]
    public void The_rules_refuse_a_backward_or_sideways_use(string from, string to) =>
        Assert.NotNull(LayoutRules.Breach(from, to));

    [Theory]
    [InlineData("Hosting", "Seeding")]
    [InlineData("Features.Cases", "Platform")]
    [InlineData("Features.Open311", "Features.Cases")]
    [InlineData("Seeding", "Features.Cases")]
    [InlineData("Platform", "Platform")]
    public void The_rules_allow_a_use_along_the_order(string from, string to) =>
        Assert.Null(LayoutRules.Breach(from, to));
}
