using CivicGrid.Domain.Assessment;

namespace CivicGrid.Domain.Tests.Assessment;

public sealed class TrendTests
{
    [Fact]
    public void A_trend_follows_each_subjects_score_rank_and_change_across_rounds()
    {
        var trends = Trend.Across(
        [
            new("2026-10", [new("town-a", 88m), new("town-b", 92m)]),
            new("2026-11", [new("town-a", 93.5m), new("town-b", 90m)]),
            new("2026-12", [new("town-a", 91m)]),
        ]);

        var a = trends.Single(t => t.Key == "town-a");
        Assert.Equal([(88m, 2), (93.5m, 1), (91m, 1)], a.Points.Select(p => (p.Score!.Value, p.Rank!.Value)));
        Assert.Equal([null, 5.5m, -2.5m], a.Points.Select(p => p.Change));
        Assert.Equal(-2.5m, a.LastChange);
    }

    [Fact]
    public void A_round_a_subject_missed_has_no_score_and_the_next_change_is_against_its_last_score()
    {
        var trends = Trend.Across(
        [
            new("r1", [new("x", 80m)]),
            new("r2", [new("y", 70m)]),
            new("r3", [new("x", 85m)]),
        ]);

        var x = trends.Single(t => t.Key == "x");
        Assert.Equal([80m, null, 85m], x.Points.Select(p => p.Score));
        Assert.Equal(5m, x.Points[2].Change);
    }
}
