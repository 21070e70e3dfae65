namespace CivicGrid.Domain.Calendar;

/// <summary>Working-time arithmetic: membership, distance and addition on the working clock.</summary>
public sealed partial class WorkingCalendar
{
    /// <summary>True if the instant falls in a working period of a working day (start inclusive, end exclusive).</summary>
    public bool IsWorkingTime(DateTimeOffset instant)
    {
        var (date, time) = ToLocal(instant);
        return IsWorkingDay(date) && _periods.Any(p => p.Contains(time));
    }

    /// <summary>
    /// The instant from which working time is counted: <paramref name="instant"/> itself when it is working time,
    /// otherwise the start of the next working period (e.g. Friday 19:00 → Monday 08:30, 12:30 → 14:30).
    /// </summary>
    public DateTimeOffset NextWorkingStart(DateTimeOffset instant)
    {
        var (date, time) = ToLocal(instant);
        if (IsWorkingDay(date))
        {
            foreach (var period in _periods)
            {
                if (time < period.End)
                {
                    return time >= period.Start ? instant : ToInstant(date, period.Start);
                }
            }
        }

        do
        {
            date = date.AddDays(1);
        }
        while (!IsWorkingDay(date));
        return ToInstant(date, _periods[0].Start);
    }

    /// <summary>
    /// Close of business of the working day <paramref name="instant"/> lands on: the end of the last working period of
    /// its own date when that is a working day and the instant is not after its close, otherwise of the next working
    /// day (Mon 10:00 → Mon 18:00; Mon 18:00 → Mon 18:00; Mon 19:00 or Sat 10:00 → the next working day's 18:00).
    /// </summary>
    public DateTimeOffset CloseOfWorkingDay(DateTimeOffset instant)
    {
        var (date, time) = ToLocal(instant);
        var close = _periods[^1].End;
        if (!IsWorkingDay(date) || time > close)
        {
            do
            {
                date = date.AddDays(1);
            }
            while (!IsWorkingDay(date));
        }

        return ToInstant(date, close);
    }

    /// <summary>The working time between two instants; zero if <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var (fromDate, fromTime) = ToLocal(from);
        var (toDate, toTime) = ToLocal(to);
        TimeSpan total;
        if (fromDate == toDate)
        {
            total = IsWorkingDay(fromDate) ? WorkedBefore(toTime) - WorkedBefore(fromTime) : TimeSpan.Zero;
        }
        else
        {
            var first = IsWorkingDay(fromDate) ? WorkingTimePerDay - WorkedBefore(fromTime) : TimeSpan.Zero;
            var last = IsWorkingDay(toDate) ? WorkedBefore(toTime) : TimeSpan.Zero;
            total = first + WholeDays(CountWorkingDays(fromDate.AddDays(1), toDate)) + last;
        }

        // Only a wall clock turned back (daylight saving time) can make this negative.
        return total < TimeSpan.Zero ? TimeSpan.Zero : total;
    }

    /// <summary>
    /// The earliest instant at which <paramref name="amount"/> of working time has elapsed since
    /// <paramref name="start"/>. Outside working time, counting begins at the next working period start; an amount
    /// that exactly fills a period ends at that period's end (10:00 + 2 h → 12:00, not 14:30). A zero amount
    /// returns <paramref name="start"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan amount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);
        if (amount == TimeSpan.Zero)
        {
            return start;
        }

        var (date, time) = ToLocal(start);
        var remaining = amount;
        if (TryFinishOnDay(date, time, ref remaining, out var end))
        {
            return end;
        }

        date = date.AddDays(1);
        // Skip whole weeks while the amount outlasts them, then finish day by day (at most a week).
        var week = WholeDays(CountWorkingDays(date, date.AddDays(7)));
        while (week < remaining)
        {
            remaining -= week;
            date = date.AddDays(7);
            week = WholeDays(CountWorkingDays(date, date.AddDays(7)));
        }

        while (!TryFinishOnDay(date, TimeOnly.MinValue, ref remaining, out end))
        {
            date = date.AddDays(1);
        }

        return end;
    }

    private bool TryFinishOnDay(DateOnly date, TimeOnly from, ref TimeSpan remaining, out DateTimeOffset end)
    {
        end = default;
        if (!IsWorkingDay(date))
        {
            return false;
        }

        foreach (var period in _periods.Where(p => from < p.End))
        {
            var segmentStart = from > period.Start ? from : period.Start;
            var available = period.End - segmentStart;
            if (remaining <= available)
            {
                end = ToInstant(date, segmentStart.Add(remaining));
                return true;
            }

            remaining -= available;
        }

        return false;
    }

    private TimeSpan WorkedBefore(TimeOnly time)
    {
        var worked = TimeSpan.Zero;
        foreach (var period in _periods.TakeWhile(p => time > p.Start))
        {
            worked += (time < period.End ? time : period.End) - period.Start;
        }

        return worked;
    }

    private TimeSpan WholeDays(int days) => TimeSpan.FromTicks(WorkingTimePerDay.Ticks * days);

    private (DateOnly Date, TimeOnly Time) ToLocal(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone).DateTime;
        return (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
    }

    private DateTimeOffset ToInstant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
