using System.Globalization;

namespace CivicGrid.Domain.Calendar.Import;

/// <summary>
/// The calendar CSV: one special day a line, <c>date,kind,name</c>, e.g. <c>2026-10-01,holiday,国庆节</c> or
/// <c>2026-10-10,working_day,国庆节调休</c>. A header line <c>date,kind,name</c> and lines starting with <c>#</c>
/// (comments) are skipped. Kinds: <c>holiday</c> (also 休, 放假) and <c>working_day</c> (also adjusted_working_day,
/// 班, 上班); the name may be quoted and may contain commas. See docs/operations.md.
/// </summary>
public static class CalendarCsv
{
    public static CalendarFile Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var days = new List<CalendarDay>();
        var seen = new HashSet<DateOnly>();
        var errors = new List<string>();
        var lines = text.TrimStart('\uFEFF').Split('\n');
        for (var i = 0; i < lines.Length && errors.Count < 20; i++)
        {
            var line = lines[i].TrimEnd('\r').Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split(',', 3);
            if (fields[0].Trim().Equals("date", StringComparison.OrdinalIgnoreCase)) continue;
            var where = $"line {i + 1}";
            if (fields.Length < 3)
            {
                errors.Add($"{where}: expected date,kind,name.");
                continue;
            }

            if (!DateOnly.TryParseExact(fields[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add($"{where}: the date must be yyyy-MM-dd, not '{Cut(fields[0].Trim())}'.");
                continue;
            }

            if (KindOf(fields[1]) is not { } kind)
            {
                errors.Add($"{where}: the kind must be holiday or working_day, not '{Cut(fields[1].Trim())}'.");
                continue;
            }

            var name = Unquote(fields[2].Trim());
            if (name.Length > CalendarFile.MaxNameLength)
            {
                errors.Add($"{where}: the name is longer than {CalendarFile.MaxNameLength} characters.");
                continue;
            }

            CalendarFile.Add(days, seen, errors, where, new CalendarDay(date, kind, name));
        }

        return new CalendarFile(days, errors);
    }

    /// <summary>The kind named in a file: holiday (休, 放假) or working_day (adjusted_working_day, 班, 上班); null otherwise.</summary>
    public static CalendarDayKind? KindOf(string text) => text.Trim().ToLowerInvariant() switch
    {
        "holiday" or "休" or "放假" => CalendarDayKind.Holiday,
        "working_day" or "adjusted_working_day" or "adjustedworkingday" or "班" or "上班" => CalendarDayKind.AdjustedWorkingDay,
        _ => null,
    };

    /// <summary>The code of a kind in files and the API: holiday or working_day.</summary>
    public static string CodeOf(CalendarDayKind kind) => kind == CalendarDayKind.Holiday ? "holiday" : "working_day";

    private static string Unquote(string text) =>
        text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal).Trim() : text;

    private static string Cut(string text) => text.Length > 20 ? text[..20] + "…" : text;
}
