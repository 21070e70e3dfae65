namespace CivicGrid.Domain.Evaluation;

/// <summary>A ranked subject: its rank (1 = best; equal scores share a rank), key, name and scorecard with the figures.</summary>
public sealed record RankedSubject(int? Rank, string Key, string Name, Scorecard Scorecard, EvaluationCounts Counts);

public static class EvaluationRanking
{
    /// <summary>Orders by score (highest first; subjects without a score last, unranked) and gives equal scores the same rank.</summary>
    public static IReadOnlyList<RankedSubject> Rank(IEnumerable<(string Key, string Name, Scorecard Card, EvaluationCounts Counts)> subjects)
    {
        var ordered = subjects.OrderByDescending(s => s.Card.Score ?? double.NegativeInfinity).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();
        var result = new List<RankedSubject>(ordered.Count);
        int rank = 0;
        double? previous = null;
        for (var i = 0; i < ordered.Count; i++)
        {
            var s = ordered[i];
            if (s.Card.Score is { } score)
            {
                if (previous != score) rank = i + 1;
                previous = score;
                result.Add(new RankedSubject(rank, s.Key, s.Name, s.Card, s.Counts));
            }
            else
            {
                result.Add(new RankedSubject(null, s.Key, s.Name, s.Card, s.Counts));
            }
        }
        return result;
    }
}
