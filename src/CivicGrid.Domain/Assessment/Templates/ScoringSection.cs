namespace CivicGrid.Domain.Assessment;

/// <summary>A section (大项) of a sheet: a code, a name and at least one item. Its full points are its items' sum.</summary>
public sealed record ScoringSection
{
    /// <summary>Creates a section; throws <see cref="AssessmentRuleException"/> for a missing code/name or no items.</summary>
    public ScoringSection(string code, string name, IEnumerable<ScoringItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        Code = string.IsNullOrWhiteSpace(code) ? throw new AssessmentRuleException("sections.code", "A section needs a code.") : code.Trim();
        Name = string.IsNullOrWhiteSpace(name) ? throw new AssessmentRuleException($"{Code}.name", "A section needs a name.") : name.Trim();
        Items = items.ToList().AsReadOnly();
        if (Items.Any(i => i is null))
        {
            throw new AssessmentRuleException($"{Code}.items", "An item is missing.");
        }

        if (Items.Count == 0)
        {
            throw new AssessmentRuleException($"{Code}.items", "A section needs at least one item.");
        }

        FullPoints = Items.Sum(i => i.FullPoints);
    }

    public string Code { get; }
    public string Name { get; }
    public IReadOnlyList<ScoringItem> Items { get; }
    public decimal FullPoints { get; }
}
