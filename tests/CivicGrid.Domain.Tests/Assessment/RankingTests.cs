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

    [Theory]
    [InlineData(100, "优秀")]
    [InlineData(90, "优秀")]
    [InlineData(89.9, "良好")]
    [InlineData(80, "良好")]
    [InlineData(60, "合格")]
    [InlineData(59.9, "不合格")]
    [InlineData(0, "不合格")]
    public void The_default_grade_bands_are_excellent_good_pass_and_fail(decimal score, string grade)
    {
        Assert.Equal(grade, GradeScale.Default.Grade(score).Name);
    }

    [Fact]
    public void The_default_grade_bands_are_labelled_as_defaults_and_a_custom_scale_is_not()
    {
        var custom = new GradeScale([new("A", 85), new("B", 0)]);
        Assert.True(GradeScale.Default.IsDefault);
        Assert.True(new GradeScale([new("优秀", 90), new("良好", 80), new("合格", 60), new("不合格", 0)]).IsDefault);
        Assert.False(custom.IsDefault);
        Assert.Equal("B", custom.Grade(84.9m).Name);
    }

    [Fact]
    public void Grade_bands_out_of_order_are_rejected()
    {
        var e = Assert.Throws<AssessmentRuleException>(() => new GradeScale([new("B", 60), new("A", 90)]));
        Assert.Equal("bands[1].minScore", e.Field);
    }
}
