namespace CivicGrid.Domain.Calendar;

/// <summary>
/// Counts working days in a date range in O(log n) of the special days, without walking the range:
/// the Monday–Friday count in closed form, minus holidays that fall on weekdays, plus adjusted working days
/// (调休上班日) that fall on weekends.
/// </summary>
internal sealed class WorkingDayCounter
{
    private readonly int[] _weekdayHolidays;
    private readonly int[] _weekendWorkingDays;

    public WorkingDayCounter(IEnumerable<CalendarDay> specialDays)
    {
        var days = specialDays.ToList();
        _weekdayHolidays = SortedDayNumbers(days, CalendarDayKind.Holiday, weekend: false);
        _weekendWorkingDays = SortedDayNumbers(days, CalendarDayKind.AdjustedWorkingDay, weekend: true);
    }

    public static bool IsWeekend(DayOfWeek day) => day is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>Working days in [<paramref name="from"/>, <paramref name="toExclusive"/>); 0 for an empty range.</summary>
    public int Count(DateOnly from, DateOnly toExclusive)
    {
        if (toExclusive <= from)
        {
            return 0;
        }

        return Weekdays(from, toExclusive)
            - CountIn(_weekdayHolidays, from, toExclusive)
            + CountIn(_weekendWorkingDays, from, toExclusive);
    }

    private static int Weekdays(DateOnly from, DateOnly toExclusive)
    {
        var days = toExclusive.DayNumber - from.DayNumber;
        var count = days / 7 * 5;
        var day = (int)from.DayOfWeek;
        for (var i = 0; i < days % 7; i++)
        {
            if (!IsWeekend((DayOfWeek)((day + i) % 7)))
            {
                count++;
            }
        }

        return count;
    }

    private static int CountIn(int[] sortedDayNumbers, DateOnly from, DateOnly toExclusive) =>
        LowerBound(sortedDayNumbers, toExclusive.DayNumber) - LowerBound(sortedDayNumbers, from.DayNumber);

    private static int LowerBound(int[] sorted, int value)
    {
        var index = Array.BinarySearch(sorted, value);
        return index >= 0 ? index : ~index;
    }

    private static int[] SortedDayNumbers(List<CalendarDay> days, CalendarDayKind kind, bool weekend) =>
        days.Where(d => d.Kind == kind && IsWeekend(d.Date.DayOfWeek) == weekend)
            .Select(d => d.Date.DayNumber)
            .Order()
            .ToArray();
}
