using System.Globalization;

namespace CivicGrid.Domain.Calendar;

/// <summary>The text form of a working day's periods as a city stores it: "08:30-12:00,14:30-18:00".</summary>
public static class WorkingHoursText
{
    /// <exception cref="FormatException">The text is not a comma-separated list of HH:mm-HH:mm periods.</exception>
    public static IReadOnlyList<WorkingPeriod> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var periods = new List<WorkingPeriod>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length != 2
                || !TimeOnly.TryParseExact(ends[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                || !TimeOnly.TryParseExact(ends[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
                || end <= start)
            {
                throw new FormatException($"Working hours are periods like \"08:30-12:00,14:30-18:00\"; '{part}' is not one.");
            }
            periods.Add(new WorkingPeriod(start, end));
        }
        if (periods.Count == 0) throw new FormatException("Working hours need at least one period, like \"08:30-12:00\".");
        return periods;
    }

    public static string Format(IEnumerable<WorkingPeriod> periods) =>
        string.Join(",", periods.Select(p => $"{p.Start:HH\\:mm}-{p.End:HH\\:mm}"));
}
