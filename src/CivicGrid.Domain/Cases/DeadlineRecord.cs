using System.Globalization;
using CivicGrid.Domain.Calendar;

namespace CivicGrid.Domain.Cases;

/// <summary>
/// The deadline as a history entry records it (<see cref="CaseHistoryEntry.Deadline"/>):
/// "due=2026-11-26T10:30:00.000Z;limit=240 minute work_hour", with ";calendar=beyond" when the working calendar did
/// not cover the dates the deadline was counted over. Entries written before December 2026 have "limit=240 work_hour":
/// the amount in the type's unit (minutes for the hour types, days for the day types), read the same way.
/// </summary>
public sealed record DeadlineRecord(DateTimeOffset? DueAt, TimeLimit? Limit, bool BeyondCalendar)
{
    /// <summary>The text of a deadline; null when there is no due instant.</summary>
    public static string? Format(DateTimeOffset? dueAt, TimeLimit? limit, bool beyondCalendar)
    {
        if (dueAt is not { } due) return null;
        var text = $"due={due.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)}";
        if (limit is { } l) text += string.Create(CultureInfo.InvariantCulture, $";limit={l.Amount} {l.Unit} {l.Type.ToCode()}");
        return beyondCalendar ? text + ";calendar=beyond" : text;
    }

    /// <summary>Reads a recorded deadline (either form); null for null or empty text.</summary>
    public static DeadlineRecord? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        DateTimeOffset? due = null;
        TimeLimit? limit = null;
        var beyond = false;
        foreach (var part in text.Split(';'))
        {
            var (key, value) = part.IndexOf('=', StringComparison.Ordinal) is var i and >= 0 ? (part[..i], part[(i + 1)..]) : (part, "");
            switch (key)
            {
                case "due" when DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at):
                    due = at;
                    break;
                case "limit":
                    limit = ParseLimit(value);
                    break;
                case "calendar":
                    beyond = value == "beyond";
                    break;
            }
        }

        return new DeadlineRecord(due, limit, beyond);
    }

    private static TimeLimit? ParseLimit(string value)
    {
        var words = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 3 || !int.TryParse(words[0], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
            return null;
        return TimeTypeCodes.TryParse(words[^1], out var type) ? new TimeLimit(type, amount) : null;
    }
}
