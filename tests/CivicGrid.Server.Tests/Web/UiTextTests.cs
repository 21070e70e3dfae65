using System.Text.RegularExpressions;
using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Features.Cases.Pages;
using CivicGrid.Server.Platform.Web.Localisation;

namespace CivicGrid.Server.Tests.Web;

/// <summary>Every visible string of the UI exists in Chinese and in English.</summary>
public sealed partial class UiTextTests
{
    private readonly UiText _text = new();

    [Fact]
    public void BothLanguages_HaveTheSameKeys_AndNoEmptyText()
    {
        var chinese = _text.Keys(UiText.Chinese).ToHashSet();
        var english = _text.Keys(UiText.English).ToHashSet();
        Assert.Empty(chinese.Except(english));
        Assert.Empty(english.Except(chinese));
        Assert.All(chinese, key => Assert.False(string.IsNullOrWhiteSpace(_text.Get(UiText.Chinese, key)), key));
        Assert.All(english, key => Assert.False(string.IsNullOrWhiteSpace(_text.Get(UiText.English, key)), key));
    }

    [Fact]
    public void EveryKeyThePagesName_Exists()
    {
        var source = Path.Combine(RepositoryRoot(), "src", "CivicGrid.Server"); // pages live in Features/*/Pages and Platform/Web (ADR 0014)
        var used = Directory.EnumerateFiles(source, "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => LiteralKey().Matches(File.ReadAllText(file)).Select(m => m.Groups["key"].Value))
            .Where(key => !key.EndsWith('.'))
            .ToHashSet();
        Assert.NotEmpty(used);
        var known = _text.Keys(UiText.Chinese).ToHashSet();
        Assert.Empty(used.Except(known));
    }

    [Fact]
    public void EveryEnumValueShown_AndEveryComposedKey_Exists()
    {
        var known = _text.Keys(UiText.English).ToHashSet();
        var needed = new List<string>();
        needed.AddRange(Enum.GetNames<CaseStatus>().Select(n => "CaseStatus." + n));
        needed.AddRange(Enum.GetNames<CaseChannel>().Select(n => "CaseChannel." + n));
        needed.AddRange(Enum.GetNames<CaseStage>().Select(n => "CaseStage." + n));
        needed.AddRange(Enum.GetNames<DeadlineLight>().Select(n => "DeadlineLight." + n));
        needed.AddRange(Enum.GetNames<TimeType>().Select(n => "TimeType." + n));
        needed.AddRange(Enum.GetNames<PendingRequestKind>().Select(n => "PendingRequestKind." + n));
        needed.AddRange(Enum.GetNames<CatalogueKind>().Select(n => "CatalogueKind." + n));
        needed.AddRange(Enum.GetValues<Roles>().Where(r => r != Roles.None).Select(r => "Roles." + r));
        needed.AddRange(Enum.GetValues<CaseAction>().Select(a => "action." + a.ToCode()));
        needed.AddRange(WorkQueue.All.Select(q => "queue." + q.Key));
        needed.AddRange(["history.report", "history.link_duplicate", "history.overdue", "role.citizen", "role.system",
            "step.answer.verify", "step.answer.check"]);
        var missing = needed.Where(key => !known.Contains(key)).ToList();
        Assert.True(missing.Count == 0, "missing: " + string.Join(", ", missing));
    }

    [Fact]
    public void AMissingKey_ShowsAsTheKey_SoItIsNoticed() =>
        Assert.Equal("no.such.key", _text.Get(UiText.Chinese, "no.such.key"));

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CivicGrid.slnx"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }

    [GeneratedRegex(@"T(?:\.Format\(|\[)""(?<key>[A-Za-z.\-]+)""")]
    private static partial Regex LiteralKey();
}
