namespace CivicGrid.Domain.Calendar;

/// <summary>
/// The working calendar (工作日历) of a city: which days are working days and which hours of them are working time.
/// Monday–Friday are working days and Saturday/Sunday are not, except that a <see cref="CalendarDayKind.Holiday"/>
/// entry makes any day non-working and a <see cref="CalendarDayKind.AdjustedWorkingDay"/> entry (调休) makes a
/// weekend day working. Every working day has the same <see cref="WorkingPeriods"/>.
/// </summary>
/// <remarks>
/// Instants are converted to <see cref="Zone"/> and working time is counted on the local wall clock; results are
/// returned with the zone's offset. Chinese cities use "Asia/Shanghai" (no daylight saving time). Immutable and
/// thread-safe. Whole days are counted in closed form, so spans of years cost O(weeks) at most.
/// </remarks>
public sealed partial class WorkingCalendar
{
    private readonly Dictionary<DateOnly, CalendarDay> _specialDays;
    private readonly WorkingPeriod[] _periods;
    private readonly WorkingDayCounter _counter;

    /// <summary>Creates a calendar.</summary>
    /// <param name="zone">The city's time zone, e.g. <c>TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")</c>.</param>
    /// <param name="specialDays">Holidays and adjusted working days; at most one entry per date.</param>
    /// <param name="workingPeriods">The working periods of a working day: at least one, in order, not overlapping.</param>
    /// <exception cref="ArgumentException">A date is listed twice, or the periods are empty, unordered or overlapping.</exception>
    public WorkingCalendar(TimeZoneInfo zone, IEnumerable<CalendarDay> specialDays, IEnumerable<WorkingPeriod> workingPeriods)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(specialDays);
        ArgumentNullException.ThrowIfNull(workingPeriods);
        Zone = zone;
        _specialDays = IndexSpecialDays(specialDays);
        _periods = ValidatePeriods(workingPeriods);
        _counter = new WorkingDayCounter(_specialDays.Values);
        WorkingTimePerDay = TimeSpan.FromTicks(_periods.Sum(p => p.Duration.Ticks));
    }

    /// <summary>The default working periods: 08:30–12:00 and 14:30–18:00 (7 hours).</summary>
    public static IReadOnlyList<WorkingPeriod> StandardPeriods { get; } =
    [
        new(new TimeOnly(8, 30), new TimeOnly(12, 0)),
        new(new TimeOnly(14, 30), new TimeOnly(18, 0)),
    ];

    /// <summary>The time zone whose wall clock defines working time.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The working periods of every working day, in order.</summary>
    public IReadOnlyList<WorkingPeriod> WorkingPeriods => _periods;

    /// <summary>The holidays and adjusted working days, in date order.</summary>
    public IReadOnlyList<CalendarDay> SpecialDays => [.. _specialDays.Values.OrderBy(d => d.Date)];

    /// <summary>The working time of one working day (7 hours for the standard periods).</summary>
    public TimeSpan WorkingTimePerDay { get; }

    /// <summary>A calendar with the common hours 08:30–12:00 and 14:30–18:00.</summary>
    public static WorkingCalendar Standard(TimeZoneInfo zone, IEnumerable<CalendarDay> days) =>
        new(zone, days, StandardPeriods);

    /// <summary>True if the local date is a working day (工作日).</summary>
    public bool IsWorkingDay(DateOnly date) => _specialDays.TryGetValue(date, out var special)
        ? special.Kind == CalendarDayKind.AdjustedWorkingDay
        : !WorkingDayCounter.IsWeekend(date.DayOfWeek);

    /// <summary>The number of working days in [<paramref name="from"/>, <paramref name="toExclusive"/>).</summary>
    public int CountWorkingDays(DateOnly from, DateOnly toExclusive) => _counter.Count(from, toExclusive);

    /// <summary>The special-day entry of a date, or null for an ordinary day.</summary>
    public CalendarDay? SpecialDay(DateOnly date) => _specialDays.GetValueOrDefault(date);

    private static Dictionary<DateOnly, CalendarDay> IndexSpecialDays(IEnumerable<CalendarDay> specialDays)
    {
        var index = new Dictionary<DateOnly, CalendarDay>();
        foreach (var day in specialDays)
        {
            if (day is null)
            {
                throw new ArgumentException("The special days contain a null entry.", nameof(specialDays));
            }

            if (!Enum.IsDefined(day.Kind))
            {
                throw new ArgumentException($"{day.Date:yyyy-MM-dd} has an unknown kind {day.Kind}.", nameof(specialDays));
            }

            if (!index.TryAdd(day.Date, day))
            {
                throw new ArgumentException($"{day.Date:yyyy-MM-dd} is listed more than once.", nameof(specialDays));
            }
        }

        return index;
    }

    private static WorkingPeriod[] ValidatePeriods(IEnumerable<WorkingPeriod> workingPeriods)
    {
        var periods = workingPeriods.ToArray();
        if (periods.Length == 0)
        {
            throw new ArgumentException("A working day needs at least one working period.", nameof(workingPeriods));
        }

        for (var i = 0; i < periods.Length; i++)
        {
            if (periods[i].End <= periods[i].Start)
            {
                throw new ArgumentException($"Working period {periods[i]} is empty.", nameof(workingPeriods));
            }

            if (i > 0 && periods[i].Start < periods[i - 1].End)
            {
                throw new ArgumentException(
                    $"Working periods must be in order and not overlap: {periods[i - 1]} then {periods[i]}.",
                    nameof(workingPeriods));
            }
        }

        return periods;
    }
}
