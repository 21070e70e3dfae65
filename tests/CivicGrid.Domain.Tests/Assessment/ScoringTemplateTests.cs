using CivicGrid.Domain.Assessment;

namespace CivicGrid.Domain.Tests.Assessment;

public sealed class ScoringTemplateTests
{
    [Fact]
    public void A_template_totals_its_items_full_points()
    {
        var template = SampleSheets.RuralGarbage();
        Assert.Equal(100m, template.FullPoints);
        Assert.Equal(18m, template.Sections.Single(s => s.Code == "B").FullPoints);
    }

    [Fact]
    public void Negative_full_points_are_rejected_naming_the_item_and_field()
    {
        var e = Assert.Throws<AssessmentRuleException>(() => new ScoringItem("B9", "x", -1, PassFailRule.Instance));
        Assert.Equal("B9.fullPoints", e.Field);
    }

    [Fact]
    public void A_cap_above_the_full_points_is_rejected()
    {
        var e = Assert.Throws<AssessmentRuleException>(() => new ScoringItem("C9", "x", 10, new DeductionRule(1, 12)));
        Assert.Equal("C9.cap", e.Field);
    }

    [Theory]
    [InlineData(0, 5, "C9.perOccurrence")]
    [InlineData(-1, 5, "C9.perOccurrence")]
    [InlineData(1, 0, "C9.cap")]
    public void A_deduction_and_a_cap_must_be_positive(decimal perOccurrence, decimal cap, string field)
    {
        var e = Assert.Throws<AssessmentRuleException>(() => new ScoringItem("C9", "x", 10, new DeductionRule(perOccurrence, cap)));
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void A_veto_item_must_be_pass_fail()
    {
        var e = Assert.Throws<AssessmentRuleException>(() => new ScoringItem("V9", "x", 5, new DeductionRule(1, 5), veto: true));
        Assert.Equal("V9.veto", e.Field);
    }

    [Fact]
    public void Only_a_veto_item_may_carry_zero_points()
    {
        Assert.Equal("X1.fullPoints", Assert.Throws<AssessmentRuleException>(() => new ScoringItem("X1", "x", 0, PassFailRule.Instance)).Field);
        Assert.Equal(0m, new ScoringItem("V9", "x", 0, PassFailRule.Instance, veto: true).FullPoints);
    }

    [Fact]
    public void Item_codes_must_be_unique_across_sections()
    {
        var e = Assert.Throws<AssessmentRuleException>(() => new ScoringTemplate("t", "t", 1,
        [
            new("A", "a", [new("X1", "x", 5, PassFailRule.Instance)]),
            new("B", "b", [new("X1", "x again", 5, PassFailRule.Instance)]),
        ]));
        Assert.Equal("X1.code", e.Field);
    }

    [Fact]
    public void A_section_without_items_is_rejected()
    {
        Assert.Equal("A.items", Assert.Throws<AssessmentRuleException>(() => new ScoringSection("A", "a", [])).Field);
    }

    [Fact]
    public void Revising_a_frozen_version_yields_the_next_version_and_leaves_the_frozen_one_unchanged()
    {
        var frozen = SampleSheets.RuralGarbage().Freeze();
        var revised = frozen.Revise([.. frozen.Sections.Take(3)]);

        Assert.Equal((2, false, 100m), (revised.Version, revised.Frozen, revised.FullPoints));
        Assert.Equal((1, true, 4), (frozen.Version, frozen.Frozen, frozen.Sections.Count));
    }

    [Fact]
    public void Revising_a_draft_keeps_its_version()
    {
        var draft = SampleSheets.RuralGarbage();
        var revised = draft.Revise(draft.Sections, name: "改名");
        Assert.Equal((1, "改名"), (revised.Version, revised.Name));
    }

    [Fact]
    public void The_sections_of_a_template_cannot_be_changed_through_a_cast()
    {
        var template = SampleSheets.RuralGarbage();
        Assert.ThrowsAny<NotSupportedException>(() => ((IList<ScoringSection>)template.Sections).Clear());
    }
}
