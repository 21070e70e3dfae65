using System.Text.RegularExpressions;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Platform.Web.Localisation;
using CivicGrid.Server.Tests.Web;

namespace CivicGrid.Server.Tests.Catalogue;

/// <summary>The administration services name UI text keys for their field errors, and the pages compose keys from
/// enum values; every one of them exists in both languages.</summary>
public sealed partial class ReferenceDataTextTests
{
    private static readonly string[] ServiceFiles =
        ["Catalogue/CatalogueAdministration.cs", "Catalogue/CatalogueAdministration.Standards.cs", "Organisation/DepartmentAdministration.cs"];
    private readonly UiText _text = new();

    [Fact]
    public void EveryFieldErrorKeyOfTheAdministrationServices_ExistsInBothLanguages()
    {
        var features = Path.Combine(UiTextTests.RepositoryRoot(), "src", "CivicGrid.Server", "Features");
        var keys = ServiceFiles
            .SelectMany(file => ProblemKey().Matches(File.ReadAllText(Path.Combine(features, file))).Select(m => m.Groups["key"].Value))
            .ToHashSet();
        Assert.Contains("admin.code.taken", keys);
        Assert.Contains("admin.condition.required", keys);
        AssertKnown(keys);
    }

    [Fact]
    public void EveryComposedEnumKeyOfTheAdministrationPages_Exists()
    {
        AssertKnown(Enum.GetNames<DepartmentLevel>().Select(n => "admin.level." + n)
            .Concat(Enum.GetValues<DepartmentKinds>().Where(k => k != DepartmentKinds.None).Select(k => "admin.kinds." + k))
            .Concat(Enum.GetNames<HandlingDepartmentRule>().Select(n => "admin.rule." + n)));
    }

    private void AssertKnown(IEnumerable<string> keys)
    {
        foreach (var language in UiText.Languages)
        {
            var known = _text.Keys(language).ToHashSet();
            var missing = keys.Where(k => !known.Contains(k)).ToList();
            Assert.True(missing.Count == 0, $"{language} misses: {string.Join(", ", missing)}");
        }
    }

    [GeneratedRegex("""new\([^,()]+, "(?<key>admin\.[a-z.]+)",""")]
    private static partial Regex ProblemKey();
}
