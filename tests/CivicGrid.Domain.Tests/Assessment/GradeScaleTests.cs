using CivicGrid.Domain.Assessment;

namespace CivicGrid.Domain.Tests.Assessment;

public sealed class GradeScaleTests
{
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
        Assert.Equal(grade, GradeScale.Default.GradeOf(score).Name);
    }

    [Fact]
    public void The_default_grade_bands_are_labelled_as_defaults_and_a_custom_scale_is_not()
    {
        var custom = new GradeScale([new("A", 85), new("B", 0)]);
        Assert.True(GradeScale.Default.IsDefault);
        Assert.True(new GradeScale([new("优秀", 90), new("良好", 80), new("合格", 60), new("不合格", 0)]).IsDefault);
        Assert.False(custom.IsDefault);
        Assert.Equal("B", custom.GradeOf(84.9m).Name);
    }

    [Fact]
    public void Grade_bands_out_of_order_are_rejected()
    {
        var e = Assert.Throws<AssessmentRuleException>(() => new GradeScale([new("B", 60), new("A", 90)]));
        Assert.Equal("bands[1].minScore", e.Field);
    }

    [Fact]
    public void Two_grade_bands_with_one_name_are_rejected()
    {
        var e = Assert.Throws<AssessmentRuleException>(() => new GradeScale([new("A", 90), new("A", 60)]));
        Assert.Equal("bands[1].name", e.Field);
    }
}
