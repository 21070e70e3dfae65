namespace CivicGrid.Domain.Assessment;

/// <summary>Ranks subjects by score (docs/domain/assessment.md §5).</summary>
public static class Ranking
{
    /// <summary>
    /// Standard competition ranking: highest score first, equal scores share the rank and the next rank skips
    /// (95, 90, 90, 80 → 1, 2, 2, 4); equal scores are listed by key so the order is stable.
    /// </summary>
    public static IReadOnlyList<RankedScore> Rank(IEnumerable<SubjectScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var ordered = scores.OrderByDescending(s => s.Score).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();
        var ranked = new List<RankedScore>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && ordered[i].Score == ordered[i - 1].Score ? ranked[i - 1].Rank : i + 1;
            ranked.Add(new RankedScore(rank, ordered[i].Key, ordered[i].Score));
        }

        return ranked;
    }
}
