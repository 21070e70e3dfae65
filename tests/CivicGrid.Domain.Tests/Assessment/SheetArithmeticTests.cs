using CivicGrid.Domain.Assessment;
using static CivicGrid.Domain.Tests.Assessment.SampleSheets;

namespace CivicGrid.Domain.Tests.Assessment;

/// <summary>Sheet arithmetic of docs/domain/assessment.md §3 on hand-computed sheets.</summary>
public sealed class SheetArithmeticTests
{
    private static readonly ScoringTemplate Sheet = RuralGarbage();

    [Fact]
    public void A_clean_sheet_scores_full_points()
    {
        var score = SheetScorer.Score(Sheet, AllClear());
        Assert.Equal((100m, false), (score.Total, score.Vetoed));
    }

    [Fact]
    public void Each_occurrence_deducts_its_points()
    {
        // C1: 7 rubbish points × 0.5 = 3.5; B2: 2 overflows × 1 = 2 → 100 − 5.5
        var score = SheetScorer.Score(Sheet, AllClearExcept(
            ItemAnswer.Counted("C1", 7, Evidence.Photo | Evidence.Note), ItemAnswer.Counted("B2", 2, Evidence.Photo)));

        Assert.Equal(94.5m, score.Total);
        Assert.Equal(new ItemScore("C1", 40, 3.5m, 36.5m), score.Item("C1"));
        Assert.Equal(4m, score.Sections.Single(s => s.Code == "B").Items.Single(i => i.Code == "B2").Score);
        Assert.Equal(16m, score.Sections.Single(s => s.Code == "B").Score);
    }

    [Fact]
    public void Deductions_stop_at_the_cap_even_when_the_cap_is_below_the_full_points()
    {
        // C2: 9 open cesspits × 3 = 27, capped at 20 of its 33 points → 13 kept
        var score = SheetScorer.Score(Sheet, AllClearExcept(ItemAnswer.Counted("C2", 9)));
        Assert.Equal((20m, 13m), (score.Item("C2")!.Deducted, score.Item("C2")!.Score));
        Assert.Equal(80m, score.Total);
    }

    [Fact]
    public void Deductions_never_take_an_item_below_zero()
    {
        var score = SheetScorer.Score(Sheet, AllClearExcept(ItemAnswer.Counted("B1", 50, Evidence.Photo)));
        Assert.Equal(0m, score.Item("B1")!.Score);
        Assert.Equal(88m, score.Total);
    }

    [Fact]
    public void A_failed_pass_fail_item_scores_zero()
    {
        var score = SheetScorer.Score(Sheet, AllClearExcept(ItemAnswer.PassFail("A2", false)));
        Assert.Equal((3m, 0m), (score.Item("A2")!.Deducted, score.Item("A2")!.Score));
        Assert.Equal(97m, score.Total);
    }

    [Fact]
    public void A_failed_veto_item_zeroes_the_sheet_but_keeps_what_was_found()
    {
        var score = SheetScorer.Score(Sheet, AllClearExcept(
            ItemAnswer.PassFail("V1", false, Evidence.Note), ItemAnswer.Counted("B2", 1, Evidence.Photo)));

        Assert.Equal(0m, score.Total);
        Assert.True(score.Vetoed);
        Assert.Equal(["V1"], score.VetoedBy);
        Assert.Equal(5m, score.Item("B2")!.Score);
    }

    [Fact]
    public void The_total_is_rounded_to_a_tenth_half_away_from_zero()
    {
        // 100 − 3 × 0.25 = 99.25 → 99.3 (banker's rounding would give 99.2)
        var score = SheetScorer.Score(QuarterPointSheet(), [ItemAnswer.Counted("X1", 3), ItemAnswer.Counted("Y1", 0)]);
        Assert.Equal(99.3m, score.Total);
    }

    [Fact]
    public void The_total_rounds_the_exact_sum_not_the_rounded_sections()
    {
        // each section 50 − 0.25 = 49.75, shown 49.8; total 99.5 exactly (the rounded sections would add to 99.6)
        var score = SheetScorer.Score(QuarterPointSheet(), [ItemAnswer.Counted("X1", 1), ItemAnswer.Counted("Y1", 1)]);
        Assert.Equal([49.8m, 49.8m], score.Sections.Select(s => s.Score));
        Assert.Equal(99.5m, score.Total);
    }

    [Fact]
    public void The_score_names_its_template_version()
    {
        var score = SheetScorer.Score(Sheet, AllClear());
        Assert.Equal(("rural-garbage", 1, 100m), (score.TemplateKey, score.TemplateVersion, score.FullPoints));
    }

    private static ScoringTemplate QuarterPointSheet() => new("q", "quarter points", 1,
    [
        new("X", "x", [new("X1", "x", 50, new DeductionRule(0.25m, 50))]),
        new("Y", "y", [new("Y1", "y", 50, new DeductionRule(0.25m, 50))]),
    ]);
}
