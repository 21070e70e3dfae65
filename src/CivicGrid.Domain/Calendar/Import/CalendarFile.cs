namespace CivicGrid.Domain.Calendar.Import;

/// <summary>The special days read from a calendar file, or what is wrong with it (one message per bad line or event).</summary>
public sealed record CalendarFile(IReadOnlyList<CalendarDay> Days, IReadOnlyList<string> Errors)
{
    /// <summary>The most special days one file may hold (ten years of holidays is about 400).</summary>
    public const int MaxDays = 5000;

    /// <summary>The longest name kept for a day (the column is 64 characters).</summary>
    public const int MaxNameLength = 64;

    public bool IsValid => Errors.Count == 0;

    /// <summary>Reads a CSV (<see cref="CalendarCsv"/>) or iCalendar (<see cref="CalendarICal"/>) text.</summary>
    public static CalendarFile Read(string text, CalendarFileFormat format) => format switch
    {
        CalendarFileFormat.Csv => CalendarCsv.Read(text),
        CalendarFileFormat.ICalendar => CalendarICal.Read(text),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown calendar file format."),
    };

    /// <summary>The format named by a file extension or media type (csv, text/csv, ics, ical, text/calendar), or null.</summary>
    public static CalendarFileFormat? FormatOf(string? nameOrMediaType)
    {
        var text = (nameOrMediaType ?? "").Trim().ToLowerInvariant();
        if (text.Split(';')[0].Trim() is "text/csv" or "csv" || text.EndsWith(".csv", StringComparison.Ordinal)) return CalendarFileFormat.Csv;
        if (text.Split(';')[0].Trim() is "text/calendar" or "ics" or "ical" or "icalendar"
            || text.EndsWith(".ics", StringComparison.Ordinal) || text.EndsWith(".ical", StringComparison.Ordinal))
        {
            return CalendarFileFormat.ICalendar;
        }

        return null;
    }

    /// <summary>Adds days with checks shared by both formats: one entry per date, a name, not too many days.</summary>
    internal static void Add(List<CalendarDay> days, HashSet<DateOnly> seen, List<string> errors, string where, CalendarDay day)
    {
        if (string.IsNullOrWhiteSpace(day.Name)) errors.Add($"{where}: the day {day.Date:yyyy-MM-dd} needs a name.");
        else if (!seen.Add(day.Date)) errors.Add($"{where}: {day.Date:yyyy-MM-dd} is listed more than once.");
        else if (days.Count >= MaxDays) errors.Add($"{where}: more than {MaxDays} days in one file.");
        else days.Add(day);
    }
}

/// <summary>The calendar file formats an administrator can import.</summary>
public enum CalendarFileFormat
{
    Csv,
    ICalendar,
}
