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
    public void CustomRange_IsWholeYearsThenWholeQuartersThenWholeMonthsThenLooseDays()
    {
        var period = EvaluationPeriod.Custom(new DateOnly(2025, 8, 20), new DateOnly(2027, 5, 3));
        Assert.Equal(
        [
            new BucketRange(EvaluationBucketKind.Day, 20250820, 20250831),
            new BucketRange(EvaluationBucketKind.Month, 20250901, 20250901),
            new BucketRange(EvaluationBucketKind.Quarter, 20251001, 20251001),
            new BucketRange(EvaluationBucketKind.Year, 20260101, 20260101),
            new BucketRange(EvaluationBucketKind.Quarter, 20270101, 20270101),
            new BucketRange(EvaluationBucketKind.Month, 20270401, 20270401),
            new BucketRange(EvaluationBucketKind.Day, 20270501, 20270503),
        ], period.Buckets());
        Assert.Equal(
        [
            new BucketRange(EvaluationBucketKind.Month, 20251101, 20251201),
            new BucketRange(EvaluationBucketKind.Quarter, 20260101, 20260401),
        ], EvaluationPeriod.Custom(new DateOnly(2025, 11, 1), new DateOnly(2026, 6, 30)).Buckets());
    }

    [Fact]
    public void AYearAQuarterOrAMonth_IsOneBucket_APartOfAMonthDaysOnly()
    {
        Assert.Equal([new BucketRange(EvaluationBucketKind.Year, 20260101, 20260101)], EvaluationPeriod.Year(2026).Buckets());
        Assert.Equal([new BucketRange(EvaluationBucketKind.Quarter, 20261001, 20261001)], EvaluationPeriod.Quarter(2026, 4).Buckets());
        Assert.Equal([new BucketRange(EvaluationBucketKind.Month, 20261101, 20261101)], EvaluationPeriod.Month(2026, 11).Buckets());
        Assert.Equal([20260101, 20260401, 20260701, 20261001], Enumerable.Range(0, 4).Select(q => EvaluationRollup.StartOf(EvaluationBucketKind.Quarter, new DateOnly(2026, q * 3 + 3, 28))));
        Assert.Equal([new BucketRange(EvaluationBucketKind.Day, 20261103, 20261109)],
            EvaluationPeriod.Custom(new DateOnly(2026, 11, 3), new DateOnly(2026, 11, 9)).Buckets());
    }
}
