namespace CivicGrid.Domain.Assessment;

/// <summary>
/// How an item fared across the subjects of a round: how many sheets lost points on it, the points lost in all, and
/// the loss rate (points lost ÷ points at stake, 0–1, rounded to 4 decimals).
/// </summary>
public sealed record ItemWeakness(string ItemCode, int Sheets, int SheetsLosingPoints, decimal PointsLost, decimal LossRate);

/// <summary>Item-level weak points (薄弱环节) across subjects (docs/domain/assessment.md §5).</summary>
public static class WeakPoints
{
    /// <summary>Every item that lost points somewhere, worst loss rate first (then most points lost, then code).</summary>
    public static IReadOnlyList<ItemWeakness> Find(IEnumerable<SheetScore> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        return sheets
            .SelectMany(s => s.Items)
            .GroupBy(i => i.Code, StringComparer.Ordinal)
            .Select(g =>
            {
                var atStake = g.Sum(i => i.FullPoints);
                var lost = g.Sum(i => i.Deducted);
                var rate = atStake == 0 ? 0 : Math.Round(lost / atStake, 4, MidpointRounding.AwayFromZero);
                return new ItemWeakness(g.Key, g.Count(), g.Count(i => i.LostPoints), lost, rate);
            })
            .Where(w => w.SheetsLosingPoints > 0)
            .OrderByDescending(w => w.LossRate)
            .ThenByDescending(w => w.PointsLost)
            .ThenBy(w => w.ItemCode, StringComparer.Ordinal)
            .ToList();
    }
}
