namespace CivicGrid.Domain.Assessment;

/// <summary>How an item loses points: per occurrence up to a cap, or all-or-nothing. See docs/domain/assessment.md §1.</summary>
public abstract record ItemRule;

/// <summary>Each occurrence (处) deducts <see cref="PerOccurrence"/> points, at most <see cref="Cap"/> in all (扣完为止).</summary>
public sealed record DeductionRule(decimal PerOccurrence, decimal Cap) : ItemRule;

/// <summary>Pass keeps the full points, fail scores 0 (达标/不达标).</summary>
public sealed record PassFailRule : ItemRule
{
    /// <summary>The one instance; the rule has no parameters.</summary>
    public static PassFailRule Instance { get; } = new();
}
