using System.Globalization;

namespace CivicGrid.Domain.Evaluation;

/// <summary>The days an evaluation covers (inclusive, in the city's local time): a month, a quarter, a year or a custom
/// range. Whole years, quarters and months inside it are read from their own buckets, the rest from day buckets.</summary>
public sealed record EvaluationPeriod(DateOnly From, DateOnly To, string Label)
{
    public static EvaluationPeriod Month(int year, int month)
    {
        var from = new DateOnly(year, month, 1);
        return new(from, from.AddMonths(1).AddDays(-1), from.ToString("yyyy-MM", CultureInfo.InvariantCulture));
    }

    public static EvaluationPeriod Quarter(int year, int quarter)
    {
        var from = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return new(from, from.AddMonths(3).AddDays(-1), $"{year}-Q{quarter}");
    }

    public static EvaluationPeriod Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), year.ToString(CultureInfo.InvariantCulture));

    public static EvaluationPeriod Custom(DateOnly from, DateOnly to) =>
        new(from, to, $"{from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}..{to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");

    /// <summary>Parses "2026-11" (month), "2026-Q4" (quarter), "2026" (year) or "2026-11-01..2026-11-15" (custom).</summary>
    public static bool TryParse(string? text, out EvaluationPeriod period)
    {
        period = null!;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        var c = CultureInfo.InvariantCulture;
        if (text.Split("..") is [var a, var b])
        {
            if (!DateOnly.TryParseExact(a, "yyyy-MM-dd", c, DateTimeStyles.None, out var from)
                || !DateOnly.TryParseExact(b, "yyyy-MM-dd", c, DateTimeStyles.None, out var to) || to < from || to.DayNumber - from.DayNumber > 3700) return false;
            period = Custom(from, to);
            return true;
        }
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, c, out var y) && y is >= 2000 and <= 2100)
        {
            period = Year(y);
            return true;
        }
        if (text.Length == 7 && text[4] == '-' && int.TryParse(text[..4], NumberStyles.None, c, out y) && y is >= 2000 and <= 2100)
        {
            if (text[5] is 'Q' or 'q' && int.TryParse(text[6..], NumberStyles.None, c, out var q) && q is >= 1 and <= 4)
            {
                period = Quarter(y, q);
                return true;
            }
            if (int.TryParse(text[5..], NumberStyles.None, c, out var m) && m is >= 1 and <= 12)
            {
                period = Month(y, m);
                return true;
            }
        }
        return false;
    }

    /// <summary>The buckets that add up to exactly the period: whole years, then whole quarters, then whole months, then
    /// single days, merged into ranges of bucket starts (inclusive). A year, a quarter or a month is 1 range (one row per
    /// subject); a custom range at most 7 (days, months, quarters, years, quarters, months, days).</summary>
    public IReadOnlyList<BucketRange> Buckets()
    {
        var ranges = new List<BucketRange>();
        var day = From;
        while (day <= To)
        {
            EvaluationBucketKind kind;
            DateOnly next;
            if (day.Month == 1 && day.Day == 1 && day.AddYears(1).AddDays(-1) <= To) (kind, next) = (EvaluationBucketKind.Year, day.AddYears(1));
            else if (day.Day == 1 && day.Month % 3 == 1 && day.AddMonths(3).AddDays(-1) <= To) (kind, next) = (EvaluationBucketKind.Quarter, day.AddMonths(3));
            else if (day.Day == 1 && day.AddMonths(1).AddDays(-1) <= To) (kind, next) = (EvaluationBucketKind.Month, day.AddMonths(1));
            else (kind, next) = (EvaluationBucketKind.Day, day.AddDays(1));
            var number = EvaluationRollup.DayNumber(day);
            if (ranges.Count > 0 && ranges[^1].Kind == kind) ranges[^1] = ranges[^1] with { To = number };
            else ranges.Add(new BucketRange(kind, number, number));
            day = next;
        }
        return ranges;
    }

    public bool Contains(DateOnly day) => day >= From && day <= To;
}

/// <summary>Buckets of one kind whose start (yyyymmdd) lies in [From, To].</summary>
public readonly record struct BucketRange(EvaluationBucketKind Kind, int From, int To);
