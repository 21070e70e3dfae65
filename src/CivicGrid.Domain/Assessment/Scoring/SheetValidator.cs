namespace CivicGrid.Domain.Assessment;

/// <summary>
/// Checks a sheet's answers against its template (docs/domain/assessment.md §3): every item answered exactly once and
/// no unknown items; a deduction item has occurrences ≥ 0 and no pass/fail answer; a pass/fail item has a pass/fail
/// answer and no occurrences; required evidence is attached when the item loses points (or always, if so configured).
/// </summary>
public static class SheetValidator
{
    /// <summary>All errors, in sheet order then unknown items; empty when the sheet can be scored.</summary>
    public static IReadOnlyList<SheetError> Validate(ScoringTemplate template, IEnumerable<ItemAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(answers);
        var errors = new List<SheetError>();
        var byCode = new Dictionary<string, ItemAnswer>(StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            if (answer?.ItemCode is null)
            {
                errors.Add(new("itemCode", "An answer has no item code."));
            }
            else if (template.Item(answer.ItemCode) is null)
            {
                errors.Add(new(answer.ItemCode, "No such item on this sheet."));
            }
            else if (!byCode.TryAdd(answer.ItemCode, answer))
            {
                errors.Add(new(answer.ItemCode, "The item is answered more than once."));
            }
        }

        foreach (var item in template.Items)
        {
            if (byCode.TryGetValue(item.Code, out var answer))
            {
                errors.AddRange(Check(item, answer));
            }
            else
            {
                errors.Add(new(item.Code, "The item is not answered."));
            }
        }

        return errors;
    }

    private static IEnumerable<SheetError> Check(ScoringItem item, ItemAnswer answer)
    {
        var field = (string name) => $"{item.Code}.{name}";
        bool losesPoints;
        if (item.Rule is DeductionRule)
        {
            if (answer.Passed is not null)
            {
                yield return new(field("passed"), "A deduction item takes occurrences, not pass/fail.");
            }

            if (answer.Occurrences is not { } count)
            {
                yield return new(field("occurrences"), "The number of occurrences is required.");
                yield break;
            }

            if (count < 0)
            {
                yield return new(field("occurrences"), $"Out of range: {count} (must be 0 or more).");
                yield break;
            }

            losesPoints = count > 0;
        }
        else
        {
            if (answer.Occurrences is not null)
            {
                yield return new(field("occurrences"), "A pass/fail item takes pass/fail, not occurrences.");
            }

            if (answer.Passed is not { } passed)
            {
                yield return new(field("passed"), "Pass or fail is required.");
                yield break;
            }

            losesPoints = !passed;
        }

        var needed = losesPoints || item.EvidenceWhen == EvidenceWhen.Always ? item.RequiredEvidence : Evidence.None;
        var missing = needed & ~answer.Evidence;
        if (missing.HasFlag(Evidence.Photo))
        {
            yield return new(field("photo"), "A photo is required.");
        }

        if (missing.HasFlag(Evidence.Note))
        {
            yield return new(field("note"), "A note is required.");
        }
    }
}
