namespace CivicGrid.Domain.Assessment;

/// <summary>
/// A versioned scoring-sheet template (督查考评评分表): a key shared by all versions, a version number from 1, and
/// sections of items with codes unique across the sheet. Immutable. Once <see cref="Frozen"/> (used in a round) a
/// version never changes: <see cref="Revise"/> then yields the next version, while a draft is revised in place (same
/// version). See docs/domain/assessment.md §1.
/// </summary>
public sealed class ScoringTemplate
{
    private readonly Dictionary<string, ScoringItem> _items;

    /// <summary>Creates a template; throws <see cref="AssessmentRuleException"/> naming the field when an invariant fails.</summary>
    public ScoringTemplate(string key, string name, int version, IEnumerable<ScoringSection> sections, bool frozen = false)
    {
        ArgumentNullException.ThrowIfNull(sections);
        Key = string.IsNullOrWhiteSpace(key) ? throw new AssessmentRuleException("key", "A template needs a key.") : key.Trim();
        Name = string.IsNullOrWhiteSpace(name) ? throw new AssessmentRuleException("name", "A template needs a name.") : name.Trim();
        Version = version >= 1 ? version : throw new AssessmentRuleException("version", "Versions start at 1.");
        Sections = sections.ToList().AsReadOnly();
        if (Sections.Count == 0)
        {
            throw new AssessmentRuleException("sections", "A template needs at least one section.");
        }

        _items = IndexItems(Sections);
        FullPoints = Sections.Sum(s => s.FullPoints);
        Frozen = frozen;
    }

    /// <summary>The key shared by every version, e.g. "rural-garbage".</summary>
    public string Key { get; }
    public string Name { get; }
    public int Version { get; }
    public IReadOnlyList<ScoringSection> Sections { get; }

    /// <summary>The sum of all items' full points (usually 100).</summary>
    public decimal FullPoints { get; }

    /// <summary>True once the version has been used in a round; it can no longer be revised in place.</summary>
    public bool Frozen { get; }

    /// <summary>All items in sheet order.</summary>
    public IEnumerable<ScoringItem> Items => Sections.SelectMany(s => s.Items);

    /// <summary>The item with a code, or null.</summary>
    public ScoringItem? Item(string code) => _items.GetValueOrDefault(code);

    /// <summary>This version, frozen (idempotent).</summary>
    public ScoringTemplate Freeze() => Frozen ? this : new(Key, Name, Version, Sections, frozen: true);

    /// <summary>An edit: a frozen version yields version + 1 (a draft); a draft keeps its version. This instance is unchanged.</summary>
    public ScoringTemplate Revise(IEnumerable<ScoringSection> sections, string? name = null) =>
        new(Key, name ?? Name, Frozen ? Version + 1 : Version, sections);

    private static Dictionary<string, ScoringItem> IndexItems(IReadOnlyList<ScoringSection> sections)
    {
        var items = new Dictionary<string, ScoringItem>(StringComparer.Ordinal);
        var sectionCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in sections)
        {
            if (section is null)
            {
                throw new AssessmentRuleException("sections", "A section is missing.");
            }

            if (!sectionCodes.Add(section.Code))
            {
                throw new AssessmentRuleException($"{section.Code}.code", "Section codes must be unique.");
            }

            foreach (var item in section.Items)
            {
                if (!items.TryAdd(item.Code, item))
                {
                    throw new AssessmentRuleException($"{item.Code}.code", "Item codes must be unique across the sheet.");
                }
            }
        }

        return items;
    }
}
