namespace CivicGrid.Domain.Calendar;

/// <summary>
/// Deadline arithmetic for a <see cref="TimeLimit"/> on a <see cref="WorkingCalendar"/>. Each time type has its own
/// measure: continuous time for <see cref="TimeType.UrgentHour"/> and <see cref="TimeType.NaturalDay"/>, working
/// time for <see cref="TimeType.WorkHour"/> and <see cref="TimeType.WorkDay"/>.
/// </summary>
/// <remarks>
/// Deadlines per type:
/// <list type="bullet">
/// <item><b>urgent_hour</b>: start + minutes.</item>
/// <item><b>natural_day</b>: start + N × 24 h.</item>
/// <item><b>work_hour</b>: <see cref="WorkingCalendar.AddWorkingTime"/> (the earliest instant at which the minutes
/// of working time have elapsed; 2 h from 10:00 → 12:00).</item>
/// <item><b>work_day</b>: a working day is worth <see cref="WorkingCalendar.WorkingTimePerDay"/>; the N days of
/// working time run out at <c>AddWorkingTime(start, N × day)</c>, and the limit ends at close of business of the
/// working day they run out on (<see cref="WorkingCalendar.CloseOfWorkingDay"/>): Mon 10:00 + 1 → Tue 18:00;
/// Mon 08:30 + 1 → Mon 18:00 (a whole day of working time is left that day); Mon 07:00 + 1 → Mon 18:00;
/// Mon 19:00 + 1 → Tue 18:00; 30 Sep 07:52 + 1 before the National Day week → 30 Sep 18:00. See ADR 0005.</item>
/// </list>
/// </remarks>
public sealed class DeadlineCalculator
{
    /// <summary>Creates a calculator on a calendar.</summary>
    public DeadlineCalculator(WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        Calendar = calendar;
    }

    /// <summary>The working calendar used for the work types.</summary>
    public WorkingCalendar Calendar { get; }

    /// <summary>The allowance in the limit's own measure (a work day counts as <see cref="WorkingCalendar.WorkingTimePerDay"/>).</summary>
    /// <exception cref="ArgumentException">The limit is <c>default</c> (amount not positive).</exception>
    public TimeSpan Allowed(TimeLimit limit)
    {
        if (limit.Amount <= 0)
        {
            throw new ArgumentException("A time limit must have a positive amount.", nameof(limit));
        }

        return limit.Type switch
        {
            TimeType.UrgentHour or TimeType.WorkHour => TimeSpan.FromMinutes(limit.Amount),
            TimeType.NaturalDay => TimeSpan.FromDays(limit.Amount),
            TimeType.WorkDay => TimeSpan.FromTicks(Calendar.WorkingTimePerDay.Ticks * limit.Amount),
            _ => throw new ArgumentException($"Unknown time type {limit.Type}.", nameof(limit)),
        };
    }

    /// <summary>The time between two instants in the measure of <paramref name="type"/>; zero if <paramref name="to"/> is not later.</summary>
    public TimeSpan Measure(TimeType type, DateTimeOffset from, DateTimeOffset to) => type switch
    {
        TimeType.WorkHour or TimeType.WorkDay => Calendar.WorkingTimeBetween(from, to),
        _ => to > from ? to - from : TimeSpan.Zero,
    };

    /// <summary>The due instant (截止时间) of a limit started at <paramref name="start"/>; see the class remarks.</summary>
    public DateTimeOffset Deadline(DateTimeOffset start, TimeLimit limit)
    {
        var ranOut = Advance(limit.Type, start, Allowed(limit));
        return limit.Type == TimeType.WorkDay ? Calendar.CloseOfWorkingDay(ranOut) : ranOut;
    }

    /// <summary>The time used from <paramref name="start"/> to <paramref name="now"/> in the limit's measure.</summary>
    public TimeSpan Used(DateTimeOffset start, TimeLimit limit, DateTimeOffset now) => Measure(limit.Type, start, now);

    /// <summary>Used ÷ allowed in the limit's measure: 0 at start, 1.0 when the allowance is used up, above 1 after.
    /// A work-day limit is due only at close of business of that day, so it can exceed 1 before its deadline.</summary>
    public double UsedFraction(DateTimeOffset start, TimeLimit limit, DateTimeOffset now) =>
        (double)Used(start, limit, now).Ticks / Allowed(limit).Ticks;

    /// <summary>The earliest instant at which <paramref name="amount"/> of the type's measure has elapsed after <paramref name="from"/>.</summary>
    internal DateTimeOffset Advance(TimeType type, DateTimeOffset from, TimeSpan amount) => type switch
    {
        TimeType.WorkHour or TimeType.WorkDay => Calendar.AddWorkingTime(from, amount),
        _ => from + amount,
    };
}
