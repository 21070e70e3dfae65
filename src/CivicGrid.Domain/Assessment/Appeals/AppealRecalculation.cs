namespace CivicGrid.Domain.Assessment;

/// <summary>Score recalculation after appeals (docs/domain/assessment.md §6).</summary>
public static class AppealRecalculation
{
    /// <summary>
    /// The sheet scored again with each upheld appeal's corrected answer in place of the inspector's; pending and
    /// rejected appeals change nothing. The corrected answers are validated like any answer
    /// (<see cref="SheetValidationException"/>); two upheld appeals on one item are an <see cref="AssessmentRuleException"/>.
    /// </summary>
    public static SheetScore Recalculate(ScoringTemplate template, IEnumerable<ItemAnswer> answers, IEnumerable<Appeal> appeals)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(appeals);
        var corrections = new Dictionary<string, ItemAnswer>(StringComparer.Ordinal);
        foreach (var appeal in appeals.Where(a => a.Status == AppealStatus.Upheld))
        {
            if (!corrections.TryAdd(appeal.ItemCode, appeal.Corrected!))
            {
                throw new AssessmentRuleException($"{appeal.ItemCode}.appeals", "Two upheld appeals correct the same item.");
            }

            if (template.Item(appeal.ItemCode) is null)
            {
                throw new AssessmentRuleException($"{appeal.ItemCode}.itemCode", "No such item on this sheet.");
            }
        }

        var corrected = answers.Select(a => corrections.GetValueOrDefault(a.ItemCode) ?? a);
        return SheetScorer.Score(template, corrected);
    }
}
