using CivicGrid.Domain.Assessment;

namespace CivicGrid.Domain.Tests.Assessment;

/// <summary>
/// The default PPP payment rules (docs/domain/assessment.md §7) on hand-computed quarters. The contract's annual fee is
/// ¥4,000,000, so a quarter is ¥1,000,000 and the 5 % quality deposit ¥50,000.
/// </summary>
public sealed class PaymentStatementTests
{
    private static readonly PppContract Contract = new("ppp-meilan-2026", "海口某环卫公司", 4_000_000m);
    private static readonly Quarter Q3 = new(2026, 3);

    private static PaymentStatement Statement(decimal score, params Incident[] incidents) =>
        PaymentCalculator.Statement(Contract, PaymentRules.Default, Q3, score, incidents, []);

    [Theory]
    [InlineData(92)]
    [InlineData(90)]
    public void A_score_of_90_or_more_is_paid_in_full(decimal score)
    {
        var s = Statement(score);
        Assert.Equal((1_000_000m, 50_000m, 950_000m), (s.QuarterlyFee, s.DepositWithheld, s.PaidOnAccount));
        Assert.Equal((0m, 0m, 50_000m, 1_000_000m), (s.ScoreDeduction, s.Bonus, s.DepositSettlement, s.NetPayment));
    }

    [Fact]
    public void Below_90_the_deduction_is_proportional_to_the_shortfall()
    {
        // 90 − 86.5 = 3.5 points × 5 % × ¥1,000,000 = ¥175,000; the deposit covers ¥50,000, ¥125,000 is recovered
        var s = Statement(86.5m);
        Assert.Equal((175_000m, 175_000m), (s.ScoreDeduction, s.TotalDeductions));
        Assert.Equal((-125_000m, 825_000m), (s.DepositSettlement, s.NetPayment));
    }

    [Theory]
    [InlineData(96)]
    [InlineData(95)]
    public void A_score_of_95_or_more_earns_the_bonus(decimal score)
    {
        // 2 % × ¥1,000,000 = ¥20,000, settled with the deposit
        var s = Statement(score);
        Assert.Equal((20_000m, 70_000m, 1_020_000m), (s.Bonus, s.DepositSettlement, s.NetPayment));
    }

    [Fact]
    public void A_media_exposure_deducts_its_share_of_the_fee_on_top_of_the_score_deduction()
    {
        // 88 → 2 × 5 % = ¥100,000; two media exposures × 10 % = ¥200,000
        var s = Statement(88m, new Incident("mediaExposure", new(2026, 8, 3)), new Incident("mediaExposure", new(2026, 9, 9)));
        Assert.Equal(new IncidentDeduction("mediaExposure", 2, 200_000m), Assert.Single(s.IncidentDeductions));
        Assert.Equal((300_000m, 700_000m), (s.TotalDeductions, s.NetPayment));
    }

    [Fact]
    public void Deductions_never_exceed_the_quarterly_fee()
    {
        // 70 → 20 points × 5 % = 100 %; plus a city-level exposure: still at most the fee
        var s = Statement(70m, new Incident("cityLevelExposure", new(2026, 7, 1)));
        Assert.Equal((1_000_000m, 0m), (s.TotalDeductions, s.NetPayment));
    }

    [Fact]
    public void Every_amount_is_rounded_to_the_fen_half_away_from_zero()
    {
        // fee 1,234,567.89 ÷ 4 = 308,641.9725 → 308,641.97; deposit 15,432.0985 → 15,432.10;
        // 88.7 → 1.3 × 5 % × fee = 20,061.72805 → 20,061.73; media 10 % = 30,864.197 → 30,864.20
        var contract = new PppContract("c", "x", 1_234_567.89m);
        var s = PaymentCalculator.Statement(contract, PaymentRules.Default, Q3, 88.7m, [new Incident("mediaExposure", new(2026, 9, 1))], []);
        Assert.Equal((308_641.97m, 15_432.10m, 293_209.87m), (s.QuarterlyFee, s.DepositWithheld, s.PaidOnAccount));
        Assert.Equal((20_061.73m, 30_864.20m), (s.ScoreDeduction, s.IncidentDeductions.Single().Amount));
        Assert.Equal((-35_493.83m, 257_716.04m), (s.DepositSettlement, s.NetPayment));
    }

    [Fact]
    public void Half_a_fen_rounds_up_not_to_even()
    {
        // fee 400,000.40 ÷ 4 = 100,000.10; deposit 5 % = 5,000.005 → 5,000.01 (banker's rounding would give 5,000.00)
        var s = PaymentCalculator.Statement(new PppContract("c", "x", 400_000.40m), PaymentRules.Default, Q3, 92m, [], []);
        Assert.Equal((5_000.01m, 95_000.09m), (s.DepositWithheld, s.PaidOnAccount));
    }

    [Fact]
    public void The_statement_says_whether_its_rules_are_the_defaults()
    {
        Assert.True(Statement(92m).RulesAreDefaults);
        var own = PaymentRules.Default with { BonusShare = 0.03m };
        Assert.False(PaymentCalculator.Statement(Contract, own, Q3, 96m, [], []).RulesAreDefaults);
        Assert.Equal(30_000m, PaymentCalculator.Statement(Contract, own, Q3, 96m, [], []).Bonus);
    }

    [Fact]
    public void An_unknown_incident_kind_is_rejected()
    {
        var e = Assert.Throws<AssessmentRuleException>(() => Statement(92m, new Incident("rumour", new(2026, 9, 1))));
        Assert.Equal("incidents.kind", e.Field);
    }

    [Fact]
    public void An_incident_dated_outside_the_quarter_is_rejected()
    {
        var e = Assert.Throws<AssessmentRuleException>(() => Statement(92m, new Incident("mediaExposure", new(2026, 10, 1))));
        Assert.Equal("incidents.date", e.Field);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(100.1)]
    public void A_score_outside_0_to_100_is_rejected(decimal score)
    {
        Assert.Equal("score", Assert.Throws<AssessmentRuleException>(() => Statement(score)).Field);
    }

    [Fact]
    public void Rules_out_of_order_are_rejected_naming_the_rule()
    {
        var bad = PaymentRules.Default with { BonusScore = 85m };
        Assert.Equal("bonusScore", Assert.Throws<AssessmentRuleException>(() => PaymentCalculator.Statement(Contract, bad, Q3, 92m, [], [])).Field);
    }

    [Fact]
    public void The_quarter_score_is_the_mean_of_its_rounds_to_a_tenth()
    {
        // (91 + 88.5 + 86.8) ÷ 3 = 88.7666… → 88.8
        Assert.Equal(88.8m, PaymentCalculator.ScoreOfQuarter([91m, 88.5m, 86.8m]));
    }
}
