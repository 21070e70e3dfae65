namespace CivicGrid.Domain.Calendar;

/// <summary>
/// Which dates the calendar's special days speak for. A year counts as covered when it has at least one holiday entry
/// (every State Council schedule, and any city's import of it, has New Year's Day); in a year without one the calendar
/// can only assume an ordinary Monday–Friday week, so deadlines counted in working time there may be wrong.
/// </summary>
public sealed partial class WorkingCalendar
{
    private int[]? _coveredYears;

    /// <summary>The years with at least one holiday entry, in order.</summary>
    public IReadOnlyList<int> CoveredYears => _coveredYears ??=
        [.. _specialDays.Values.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date.Year).Distinct().Order()];

    /// <summary>True if every date from <paramref name="from"/> to <paramref name="to"/> (inclusive) lies in a covered year.</summary>
    public bool Covers(DateOnly from, DateOnly to)
    {
        for (var year = from.Year; year <= to.Year; year++)
        {
            if (!CoveredYears.Contains(year))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True if the local dates of both instants and every date between lie in covered years.</summary>
    public bool Covers(DateTimeOffset from, DateTimeOffset to) => Covers(ToLocal(from).Date, ToLocal(to).Date);

    /// <summary>The last date of the unbroken run of covered years that holds <paramref name="date"/>, or null when its year is not covered.</summary>
    public DateOnly? CoveredThrough(DateOnly date)
    {
        if (!CoveredYears.Contains(date.Year))
        {
            return null;
        }

        var year = date.Year;
        while (CoveredYears.Contains(year + 1))
        {
            year++;
        }

        return new DateOnly(year, 12, 31);
    }

    /// <summary>The local date of an instant in the calendar's zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => ToLocal(instant).Date;
}
