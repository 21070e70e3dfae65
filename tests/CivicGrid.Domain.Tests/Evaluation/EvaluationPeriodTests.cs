using CivicGrid.Domain.Evaluation;

namespace CivicGrid.Domain.Tests.Evaluation;

public sealed class EvaluationPeriodTests
{
    [Theory]
    [InlineData("2026-11", "2026-11-01", "2026-11-30")]
    [InlineData("2026-Q1", "2026-01-01", "2026-03-31")]
    [InlineData("2026", "2026-01-01", "2026-12-31")]
    [InlineData("2026-02-10..2026-04-05", "2026-02-10", "2026-04-05")]
    public void Parses(string text, string from, string to)
    {
        Assert.True(EvaluationPeriod.TryParse(text, out var period));
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), period.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), period.To);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("26")]
    [InlineData("2026-04-05..2026-02-10")]
    [InlineData("next month")]
    public void RefusesNonsense(string text) => Assert.False(EvaluationPeriod.TryParse(text, out _));

    [Fact]
    public void CustomRange_IsWholeMonthsPlusLooseDaysAtBothEnds()
    {
        var period = EvaluationPeriod.Custom(new DateOnly(2026, 2, 10), new DateOnly(2026, 4, 5));
        Assert.Equal([20260301], period.WholeMonths());
        Assert.Equal([(20260210, 20260228), (20260401, 20260405)], period.LooseDays());
    }

    [Fact]
    public void AYear_IsTwelveMonths_NoLooseDays_AndAPartOfAMonth_IsDaysOnly()
    {
        Assert.Equal(12, EvaluationPeriod.Year(2026).WholeMonths().Count);
        Assert.Empty(EvaluationPeriod.Year(2026).LooseDays());
        var days = EvaluationPeriod.Custom(new DateOnly(2026, 11, 3), new DateOnly(2026, 11, 9));
        Assert.Empty(days.WholeMonths());
        Assert.Equal([(20261103, 20261109)], days.LooseDays());
    }
}
