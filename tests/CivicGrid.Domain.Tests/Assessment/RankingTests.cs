using CivicGrid.Domain.Assessment;

namespace CivicGrid.Domain.Tests.Assessment;

public sealed class RankingTests
{
    [Fact]
    public void Equal_scores_share_a_rank_and_the_next_rank_skips()
    {
        var ranked = Ranking.Rank([new("d", 80m), new("b", 90m), new("a", 95m), new("c", 90m)]);
        Assert.Equal([(1, "a"), (2, "b"), (2, "c"), (4, "d")], ranked.Select(r => (r.Rank, r.Key)));
    }

    [Fact]
    public void Scores_equal_in_value_but_not_in_scale_tie()
    {
        var ranked = Ranking.Rank([new("a", 90.0m), new("b", 90m)]);
        Assert.All(ranked, r => Assert.Equal(1, r.Rank));
    }
}
