namespace CivicGrid.Domain.Assessment;

/// <summary>An item's result: points deducted (exact, capped) and the points kept.</summary>
public sealed record ItemScore(string Code, decimal FullPoints, decimal Deducted, decimal Score)
{
    /// <summary>True when the item lost points.</summary>
    public bool LostPoints => Deducted > 0;
}

/// <summary>A section's result: the exact sum of its items, rounded to 0.1 (<see cref="AssessmentRounding.Score"/>).</summary>
public sealed record SectionScore(string Code, decimal FullPoints, decimal Score, IReadOnlyList<ItemScore> Items);

/// <summary>
/// A scored sheet: the total is the exact sum of all item scores rounded once to 0.1 (not a sum of rounded sections),
/// or 0 when a veto item failed (<see cref="VetoedBy"/>); sections and items keep what was found even when vetoed.
/// See docs/domain/assessment.md §3.
/// </summary>
public sealed record SheetScore(
    string TemplateKey, int TemplateVersion, decimal FullPoints, decimal Total,
    IReadOnlyList<string> VetoedBy, IReadOnlyList<SectionScore> Sections)
{
    /// <summary>True when a failed veto item (一票否决) zeroed the sheet.</summary>
    public bool Vetoed => VetoedBy.Count > 0;

    /// <summary>All item results in sheet order.</summary>
    public IEnumerable<ItemScore> Items => Sections.SelectMany(s => s.Items);

    /// <summary>The result of one item, or null.</summary>
    public ItemScore? Item(string code) => Items.FirstOrDefault(i => i.Code == code);
}
