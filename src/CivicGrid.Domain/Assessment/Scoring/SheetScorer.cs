namespace CivicGrid.Domain.Assessment;

/// <summary>
/// Sheet arithmetic (docs/domain/assessment.md §3). A deduction item loses min(occurrences × per occurrence, cap)
/// points; a pass/fail item keeps its full points on pass and 0 on fail; a failed veto item zeroes the total. Item and
/// exact sums are kept in decimals; sections and the total are rounded to 0.1 half away from zero.
/// </summary>
public static class SheetScorer
{
    /// <summary>Scores valid answers; throws <see cref="SheetValidationException"/> with every error otherwise.</summary>
    public static SheetScore Score(ScoringTemplate template, IEnumerable<ItemAnswer> answers)
    {
        var list = answers?.ToList() ?? throw new ArgumentNullException(nameof(answers));
        var errors = SheetValidator.Validate(template, list);
        if (errors.Count > 0)
        {
            throw new SheetValidationException(errors);
        }

        var byCode = list.ToDictionary(a => a.ItemCode, StringComparer.Ordinal);
        var sections = template.Sections.Select(section =>
        {
            var items = section.Items.Select(item => ScoreItem(item, byCode[item.Code])).ToList();
            return new SectionScore(section.Code, section.FullPoints, AssessmentRounding.Score(items.Sum(i => i.Score)), items);
        }).ToList();
        var vetoedBy = template.Items.Where(i => i.Veto && byCode[i.Code].Passed == false).Select(i => i.Code).ToList();
        var exact = sections.SelectMany(s => s.Items).Sum(i => i.Score);
        var total = vetoedBy.Count > 0 ? 0m : AssessmentRounding.Score(exact);
        return new SheetScore(template.Key, template.Version, template.FullPoints, total, vetoedBy, sections);
    }

    private static ItemScore ScoreItem(ScoringItem item, ItemAnswer answer)
    {
        var deducted = item.Rule switch
        {
            DeductionRule rule => Math.Min(answer.Occurrences!.Value * rule.PerOccurrence, rule.Cap),
            _ => answer.Passed == true ? 0m : item.FullPoints,
        };
        return new ItemScore(item.Code, item.FullPoints, deducted, item.FullPoints - deducted);
    }
}
