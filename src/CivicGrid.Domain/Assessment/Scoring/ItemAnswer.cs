namespace CivicGrid.Domain.Assessment;

/// <summary>
/// An inspector's answer to one item: <see cref="Occurrences"/> (处数) for a deduction item, <see cref="Passed"/> for a
/// pass/fail item, and which evidence is attached. See docs/domain/assessment.md §3.
/// </summary>
public sealed record ItemAnswer(string ItemCode, int? Occurrences = null, bool? Passed = null, Evidence Evidence = Evidence.None)
{
    /// <summary>A deduction item's answer.</summary>
    public static ItemAnswer Counted(string itemCode, int occurrences, Evidence evidence = Evidence.None) =>
        new(itemCode, Occurrences: occurrences, Evidence: evidence);

    /// <summary>A pass/fail item's answer.</summary>
    public static ItemAnswer PassFail(string itemCode, bool passed, Evidence evidence = Evidence.None) =>
        new(itemCode, Passed: passed, Evidence: evidence);
}
