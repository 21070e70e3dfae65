using CivicGrid.Domain.Assessment;
using CivicGrid.Domain.Calendar;
using static CivicGrid.Domain.Tests.Assessment.SampleSheets;

namespace CivicGrid.Domain.Tests.Assessment;

/// <summary>Appeals (docs/domain/assessment.md §6) on the 2026 calendar: published Wed 23 Sep 10:00, before Mid-Autumn and National Day.</summary>
public sealed class AppealTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Standard(ChineseHolidays.TimeZone, ChineseHolidays.Year2026());
    private static readonly DateTimeOffset Published = At(2026, 9, 23, 10, 0);
    private static readonly AppealWindow FiveDays = AppealWindow.Default;

    private static DateTimeOffset At(int y, int m, int d, int h, int min) => new(y, m, d, h, min, 0, TimeSpan.FromHours(8));

    private static Appeal FileAt(DateTimeOffset at) =>
        Appeal.File("town-a", "B2", "两处满溢为同一垃圾桶", at, Published, FiveDays, Calendar);

    [Fact]
    public void The_window_counts_working_days_and_skips_the_holidays()
    {
        // Thu 24, Mon 28, Tue 29, Wed 30 Sep, then Thu 8 Oct (25–27 Sep and 1–7 Oct are holidays) → close of business 8 Oct
        Assert.Equal(At(2026, 10, 8, 18, 0), FiveDays.ClosesAt(Published, Calendar));
    }

    [Fact]
    public void An_appeal_on_the_last_minute_of_the_window_is_accepted()
    {
        var appeal = FileAt(At(2026, 10, 8, 18, 0));
        Assert.Equal(AppealStatus.Pending, appeal.Status);
    }

    [Fact]
    public void An_appeal_after_the_window_is_rejected_naming_filedAt()
    {
        var e = Assert.Throws<AssessmentRuleException>(() => FileAt(At(2026, 10, 8, 18, 1)));
        Assert.Equal("filedAt", e.Field);
        Assert.False(FiveDays.IsOpen(Published, At(2026, 10, 9, 9, 0), Calendar));
    }

    [Fact]
    public void An_appeal_before_publication_is_rejected()
    {
        Assert.Equal("filedAt", Assert.Throws<AssessmentRuleException>(() => FileAt(At(2026, 9, 23, 9, 59))).Field);
    }

    [Fact]
    public void An_upheld_appeal_replaces_the_answer_and_the_sheet_is_recalculated()
    {
        var answers = AllClearExcept(ItemAnswer.Counted("B2", 3, Evidence.Photo));
        Assert.Equal(97m, SheetScorer.Score(RuralGarbage(), answers).Total);

        var upheld = FileAt(At(2026, 9, 24, 9, 0)).Uphold(ItemAnswer.Counted("B2", 1, Evidence.Photo), "复核属实", At(2026, 9, 28, 10, 0));
        var recalculated = AppealRecalculation.Recalculate(RuralGarbage(), answers, [upheld]);

        Assert.Equal(AppealStatus.Upheld, upheld.Status);
        Assert.Equal(99m, recalculated.Total);
    }

    [Fact]
    public void A_rejected_appeal_leaves_the_score_as_it_was()
    {
        var answers = AllClearExcept(ItemAnswer.Counted("B2", 3, Evidence.Photo));
        var rejected = FileAt(At(2026, 9, 24, 9, 0)).Reject("照片清楚显示三处", At(2026, 9, 28, 10, 0));
        Assert.Equal(97m, AppealRecalculation.Recalculate(RuralGarbage(), answers, [rejected]).Total);
    }

    [Fact]
    public void An_appeal_is_decided_only_once()
    {
        var rejected = FileAt(At(2026, 9, 24, 9, 0)).Reject("驳回", At(2026, 9, 28, 10, 0));
        var e = Assert.Throws<AssessmentRuleException>(() => rejected.Uphold(ItemAnswer.Counted("B2", 0), "改判", At(2026, 9, 29, 10, 0)));
        Assert.Equal("status", e.Field);
    }

    [Fact]
    public void The_correction_must_be_for_the_appealed_item()
    {
        var e = Assert.Throws<AssessmentRuleException>(() =>
            FileAt(At(2026, 9, 24, 9, 0)).Uphold(ItemAnswer.Counted("C1", 0), "复核", At(2026, 9, 28, 10, 0)));
        Assert.Equal("corrected.itemCode", e.Field);
    }

    [Fact]
    public void A_correction_is_validated_like_any_answer()
    {
        var upheld = FileAt(At(2026, 9, 24, 9, 0)).Uphold(ItemAnswer.Counted("B2", 2), "复核", At(2026, 9, 28, 10, 0));
        var e = Assert.Throws<SheetValidationException>(() => AppealRecalculation.Recalculate(RuralGarbage(), AllClear(), [upheld]));
        Assert.Equal("B2.photo", Assert.Single(e.Errors).Field);
    }

    [Fact]
    public void The_default_window_is_five_working_days_and_says_it_is_a_default()
    {
        Assert.Equal((5, true), (AppealWindow.Default.WorkingDays, AppealWindow.Default.IsDefault));
        Assert.False(new AppealWindow(10).IsDefault);
        Assert.Equal("workingDays", Assert.Throws<AssessmentRuleException>(() => new AppealWindow(0)).Field);
    }
}
