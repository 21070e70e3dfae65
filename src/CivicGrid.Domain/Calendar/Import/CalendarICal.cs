using System.Globalization;

namespace CivicGrid.Domain.Calendar.Import;

/// <summary>
/// An iCalendar file (RFC 5545) of all-day events, as holiday feeds publish them: each VEVENT from DTSTART to DTEND
/// (exclusive; one day without DTEND) becomes special days named by its SUMMARY. The kind is taken from
/// <c>X-CIVICGRID-KIND</c> (holiday / working_day), else from CATEGORIES or SUMMARY: a make-up working day is
/// recognised by 班, 上班 or "working"; anything else is a holiday. Recurring events (RRULE) are refused.
/// </summary>
public static class CalendarICal
{
    private const int MaxEventDays = 60;

    public static CalendarFile Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var days = new List<CalendarDay>();
        var seen = new HashSet<DateOnly>();
        var errors = new List<string>();
        Dictionary<string, string>? ev = null;
        var events = 0;
        var lines = Unfold(text);
        if (!lines.Any(l => l.Equals("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase)))
        {
            return new CalendarFile([], ["The file is not an iCalendar file (no BEGIN:VCALENDAR)."]);
        }

        foreach (var line in lines)
        {
            if (line.Equals("BEGIN:VEVENT", StringComparison.OrdinalIgnoreCase))
            {
                ev = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                events++;
            }
            else if (line.Equals("END:VEVENT", StringComparison.OrdinalIgnoreCase) && ev is not null)
            {
                AddEvent(ev, $"event {events}", days, seen, errors);
                ev = null;
                if (errors.Count >= 20) break;
            }
            else if (ev is not null && line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
            {
                var name = line[..colon].Split(';')[0].ToUpperInvariant();
                ev.TryAdd(name, line[(colon + 1)..]);
            }
        }

        return new CalendarFile(days, errors);
    }

    private static void AddEvent(Dictionary<string, string> ev, string where, List<CalendarDay> days, HashSet<DateOnly> seen, List<string> errors)
    {
        if (ev.ContainsKey("RRULE"))
        {
            errors.Add($"{where}: recurring events (RRULE) are not supported; list each day.");
            return;
        }

        if (DateOf(ev.GetValueOrDefault("DTSTART")) is not { } start)
        {
            errors.Add($"{where}: DTSTART must be a date (yyyyMMdd).");
            return;
        }

        var end = ev.TryGetValue("DTEND", out var endText) ? DateOf(endText) : start.AddDays(1);
        if (end is not { } until || until <= start || until.DayNumber - start.DayNumber > MaxEventDays)
        {
            errors.Add($"{where}: DTEND must be a date after DTSTART, at most {MaxEventDays} days later.");
            return;
        }

        var summary = Unescape(ev.GetValueOrDefault("SUMMARY") ?? "").Trim();
        if (summary.Length > CalendarFile.MaxNameLength) summary = summary[..CalendarFile.MaxNameLength];
        var kind = KindOf(ev, summary);
        for (var date = start; date < until; date = date.AddDays(1))
        {
            CalendarFile.Add(days, seen, errors, where, new CalendarDay(date, kind, summary));
        }
    }

    private static CalendarDayKind KindOf(Dictionary<string, string> ev, string summary)
    {
        if (ev.TryGetValue("X-CIVICGRID-KIND", out var explicitKind) && CalendarCsv.KindOf(explicitKind) is { } kind) return kind;
        var categories = Unescape(ev.GetValueOrDefault("CATEGORIES") ?? "");
        string[] workingWords = ["班", "上班", "working"];
        return workingWords.Any(w => categories.Contains(w, StringComparison.OrdinalIgnoreCase) || summary.Contains(w, StringComparison.OrdinalIgnoreCase))
            ? CalendarDayKind.AdjustedWorkingDay
            : CalendarDayKind.Holiday;
    }

    /// <summary>The date of a DATE (20261001) or DATE-TIME (20261001T000000[Z]) value.</summary>
    private static DateOnly? DateOf(string? value) =>
        value is { Length: >= 8 } && DateOnly.TryParseExact(value[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    private static List<string> Unfold(string text)
    {
        var lines = new List<string>();
        foreach (var raw in text.TrimStart('\uFEFF').Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && lines.Count > 0) lines[^1] += line[1..];
            else lines.Add(line);
        }

        return lines;
    }

    private static string Unescape(string value) => value
        .Replace("\\n", " ", StringComparison.OrdinalIgnoreCase).Replace("\\,", ",", StringComparison.Ordinal)
        .Replace("\\;", ";", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
}
