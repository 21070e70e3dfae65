using System.Globalization;

namespace CivicGrid.Domain.Evaluation;

/// <summary>The days an evaluation covers (inclusive, in the city's local time): a month, a quarter, a year or a custom
/// range. Whole months inside it are read from month buckets, the rest from day buckets.</summary>
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

    /// <summary>The month buckets (yyyymm01) wholly inside the period.</summary>
    public IReadOnlyList<int> WholeMonths()
    {
        var list = new List<int>();
        var month = new DateOnly(From.Year, From.Month, 1);
        if (month < From) month = month.AddMonths(1);
        while (month.AddMonths(1).AddDays(-1) <= To)
        {
            list.Add(EvaluationRollup.MonthNumber(month));
            month = month.AddMonths(1);
        }
        return list;
    }

    /// <summary>The day ranges (yyyymmdd, inclusive) not covered by <see cref="WholeMonths"/>: at most two.</summary>
    public IReadOnlyList<(int From, int To)> LooseDays()
    {
        var months = WholeMonths();
        if (months.Count == 0) return [(EvaluationRollup.DayNumber(From), EvaluationRollup.DayNumber(To))];
        var list = new List<(int, int)>();
        var firstMonth = EvaluationRollup.FromDayNumber(months[0]);
        var afterLast = EvaluationRollup.FromDayNumber(months[^1]).AddMonths(1);
        if (From < firstMonth) list.Add((EvaluationRollup.DayNumber(From), EvaluationRollup.DayNumber(firstMonth.AddDays(-1))));
        if (afterLast <= To) list.Add((EvaluationRollup.DayNumber(afterLast), EvaluationRollup.DayNumber(To)));
        return list;
    }

    public bool Contains(DateOnly day) => day >= From && day <= To;
}
