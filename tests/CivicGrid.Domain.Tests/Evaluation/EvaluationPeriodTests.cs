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
    public void CustomRange_IsWholeYearsThenWholeMonthsThenLooseDays()
    {
        var period = EvaluationPeriod.Custom(new DateOnly(2025, 11, 20), new DateOnly(2027, 2, 3));
        Assert.Equal(
        [
            new BucketRange(EvaluationBucketKind.Day, 20251120, 20251130),
            new BucketRange(EvaluationBucketKind.Month, 20251201, 20251201),
            new BucketRange(EvaluationBucketKind.Year, 20260101, 20260101),
            new BucketRange(EvaluationBucketKind.Month, 20270101, 20270101),
            new BucketRange(EvaluationBucketKind.Day, 20270201, 20270203),
        ], period.Buckets());
    }

    [Fact]
    public void AYear_IsOneBucket_AQuarterThreeMonths_APartOfAMonthDaysOnly()
    {
        Assert.Equal([new BucketRange(EvaluationBucketKind.Year, 20260101, 20260101)], EvaluationPeriod.Year(2026).Buckets());
        Assert.Equal([new BucketRange(EvaluationBucketKind.Month, 20261001, 20261201)], EvaluationPeriod.Quarter(2026, 4).Buckets());
        Assert.Equal([new BucketRange(EvaluationBucketKind.Day, 20261103, 20261109)],
            EvaluationPeriod.Custom(new DateOnly(2026, 11, 3), new DateOnly(2026, 11, 9)).Buckets());
    }
}
