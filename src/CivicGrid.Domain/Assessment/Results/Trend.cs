namespace CivicGrid.Domain.Assessment;

/// <summary>One round's scores, in the order the rounds were held.</summary>
public sealed record RoundScores(string RoundKey, IReadOnlyList<SubjectScore> Scores);

/// <summary>A subject in one round: score and rank (null if not inspected that round) and the change since its previous score.</summary>
public sealed record TrendPoint(string RoundKey, decimal? Score, int? Rank, decimal? Change);

/// <summary>A subject's scores across rounds.</summary>
public sealed record SubjectTrend(string Key, IReadOnlyList<TrendPoint> Points)
{
    /// <summary>The last change: positive = improving, negative = worsening, null when fewer than two scores.</summary>
    public decimal? LastChange => Points.LastOrDefault(p => p.Score is not null)?.Change;
}

/// <summary>Trend across rounds (docs/domain/assessment.md §5): per subject, its score, rank and change per round.</summary>
public static class Trend
{
    /// <summary>A trend per subject seen in any round, by key; rounds in the given order.</summary>
    public static IReadOnlyList<SubjectTrend> Across(IReadOnlyList<RoundScores> rounds)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        var ranked = rounds.Select(r => Ranking.Rank(r.Scores).ToDictionary(s => s.Key, StringComparer.Ordinal)).ToList();
        var keys = ranked.SelectMany(r => r.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return keys.Select(key =>
        {
            decimal? previous = null;
            var points = new List<TrendPoint>(rounds.Count);
            for (var i = 0; i < rounds.Count; i++)
            {
                var here = ranked[i].GetValueOrDefault(key);
                points.Add(new TrendPoint(rounds[i].RoundKey, here?.Score, here?.Rank, here is null ? null : here.Score - previous));
                previous = here?.Score ?? previous;
            }

            return new SubjectTrend(key, points);
        }).ToList();
    }
}
