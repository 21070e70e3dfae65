using CivicGrid.Domain.Assessment;

namespace CivicGrid.Domain.Tests.Assessment;

/// <summary>Termination of a PPP contract after five quarters (cumulative) below 75, with a warning from the third.</summary>
public sealed class ContractStandingTests
{
    private static readonly PppContract Contract = new("ppp-longhua", "某环卫公司", 4_000_000m);

    private static QuarterScore[] History(params decimal[] scores)
    {
        var quarter = new Quarter(2025, 1);
        var history = new List<QuarterScore>();
        foreach (var score in scores)
        {
            history.Add(new(quarter, score));
            quarter = quarter.Next;
        }

        return [.. history];
    }

    private static ContractStanding StandingIn(Quarter quarter, decimal score, QuarterScore[] earlier) =>
        PaymentCalculator.Statement(Contract, PaymentRules.Default, quarter, score, [], earlier).Standing;

    [Fact]
    public void The_fifth_quarter_below_75_ends_the_contract_even_when_not_consecutive()
    {
        // 2025-Q1..2026-Q1: 74, 80, 70, 74.9, 90 → three below 75; 2026-Q2 72 → four; 2026-Q3 60 → five
        var earlier = History(74m, 80m, 70m, 74.9m, 90m, 72m);
        var standing = StandingIn(new Quarter(2026, 3), 60m, earlier);
        Assert.Equal((5, StandingLevel.Terminate, 0), (standing.QuartersBelowTermination, standing.Level, standing.QuartersLeft));
    }

    [Fact]
    public void Four_quarters_below_75_warn_but_do_not_end_the_contract()
    {
        var standing = StandingIn(new Quarter(2026, 2), 72m, History(74m, 80m, 70m, 74.9m, 90m));
        Assert.Equal((4, StandingLevel.Warning, 1), (standing.QuartersBelowTermination, standing.Level, standing.QuartersLeft));
    }

    [Fact]
    public void A_score_of_exactly_75_does_not_count_towards_termination()
    {
        var standing = StandingIn(new Quarter(2026, 1), 75m, History(74m, 75m, 70m, 75m));
        Assert.Equal((2, StandingLevel.Good), (standing.QuartersBelowTermination, standing.Level));
    }

    [Fact]
    public void The_warning_starts_at_the_third_quarter_below_75()
    {
        Assert.Equal(StandingLevel.Good, StandingIn(new Quarter(2025, 3), 70m, History(74m, 90m)).Level);
        Assert.Equal(StandingLevel.Warning, StandingIn(new Quarter(2025, 4), 70m, History(74m, 90m, 70m)).Level);
    }

    [Fact]
    public void Quarters_after_the_statement_quarter_are_ignored()
    {
        var later = History(60m, 60m, 60m, 60m, 60m, 60m);
        var standing = StandingIn(new Quarter(2025, 1), 60m, later);
        Assert.Equal(1, standing.QuartersBelowTermination);
    }

    [Fact]
    public void A_quarter_listed_twice_is_rejected()
    {
        var e = Assert.Throws<AssessmentRuleException>(() => StandingIn(new Quarter(2026, 1), 80m, [.. History(70m), .. History(71m)]));
        Assert.Equal("quarters", e.Field);
    }
}
