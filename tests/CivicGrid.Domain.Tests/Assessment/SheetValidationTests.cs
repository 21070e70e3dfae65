using CivicGrid.Domain.Assessment;
using static CivicGrid.Domain.Tests.Assessment.SampleSheets;

namespace CivicGrid.Domain.Tests.Assessment;

public sealed class SheetValidationTests
{
    private static readonly ScoringTemplate Sheet = RuralGarbage();

    private static string[] Fields(IEnumerable<ItemAnswer> answers) => [.. SheetValidator.Validate(Sheet, answers).Select(e => e.Field)];

    [Fact]
    public void A_clean_sheet_has_no_errors()
    {
        Assert.Empty(Fields(AllClear()));
    }

    [Fact]
    public void Negative_occurrences_are_out_of_range_for_that_item()
    {
        var errors = SheetValidator.Validate(Sheet, AllClearExcept(ItemAnswer.Counted("B2", -1)));
        Assert.Equal("B2.occurrences", Assert.Single(errors).Field);
        Assert.Contains("Out of range", errors[0].Message);
    }

    [Fact]
    public void A_deduction_without_its_required_photo_names_the_photo()
    {
        Assert.Equal(["B2.photo"], Fields(AllClearExcept(ItemAnswer.Counted("B2", 1))));
    }

    [Fact]
    public void A_deduction_requiring_photo_and_note_names_each_missing_one()
    {
        Assert.Equal(["C1.note"], Fields(AllClearExcept(ItemAnswer.Counted("C1", 2, Evidence.Photo))));
        Assert.Equal(["C1.photo", "C1.note"], Fields(AllClearExcept(ItemAnswer.Counted("C1", 2))));
    }

    [Fact]
    public void Evidence_required_on_deduction_is_not_needed_when_nothing_is_deducted()
    {
        Assert.Empty(Fields(AllClearExcept(ItemAnswer.Counted("B2", 0))));
    }

    [Fact]
    public void Evidence_required_always_is_needed_even_on_a_pass()
    {
        Assert.Equal(["A3.photo"], Fields(AllClearExcept(ItemAnswer.PassFail("A3", true))));
    }

    [Fact]
    public void A_missing_a_duplicate_and_an_unknown_answer_are_each_named()
    {
        var answers = AllClear().Where(a => a.ItemCode != "C2").Append(ItemAnswer.PassFail("A1", true)).Append(ItemAnswer.Counted("Z9", 1));
        Assert.Equal(["A1", "Z9", "C2"], Fields(answers));
    }

    [Fact]
    public void The_wrong_kind_of_answer_names_the_field()
    {
        Assert.Equal(["A1.occurrences"], Fields(AllClearExcept(new ItemAnswer("A1", Occurrences: 1, Passed: true))));
        Assert.Equal(["B1.passed", "B1.occurrences"], Fields(AllClearExcept(new ItemAnswer("B1", Passed: true))));
        Assert.Equal(["A2.passed"], Fields(AllClearExcept(new ItemAnswer("A2"))));
    }

    [Fact]
    public void Scoring_an_invalid_sheet_throws_with_every_error_and_computes_nothing()
    {
        var e = Assert.Throws<SheetValidationException>(() => SheetScorer.Score(Sheet,
            AllClearExcept(ItemAnswer.Counted("B2", -3), ItemAnswer.PassFail("V1", false))));
        Assert.Equal(["B2.occurrences", "V1.note"], e.Errors.Select(x => x.Field));
    }

    [Fact]
    public void An_answer_without_an_item_code_is_named_not_thrown()
    {
        Assert.Contains("itemCode", Fields(AllClear().Append(new ItemAnswer(null!, Occurrences: 1))));
    }
}
