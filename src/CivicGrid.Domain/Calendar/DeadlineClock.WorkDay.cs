namespace CivicGrid.Domain.Calendar;

/// <summary>The deadline of a work-day limit (ADR 0005): close of business of the working day its allowance runs out on.</summary>
public sealed partial class DeadlineClock
{
    /// <summary>
    /// The N days of working time are spent over the running intervals; the limit ends at close of business of the
    /// working day they run out on. When a pause begins before that close (also when the allowance runs out exactly as
    /// the pause begins), the rest of that day is lost to the pause, so the limit ends at close of business of the
    /// working day on which the clock runs again (the resume, or the next working day after it).
    /// </summary>
    private DateTimeOffset WorkDayDeadline(DateTimeOffset now)
    {
        var remaining = Allowed;
        var ranOut = false;
        foreach (var (from, to) in RunningSegments(now))
        {
            if (!ranOut)
            {
                if (to is { } end && _calculator.Measure(Limit.Type, from, end) is var length && remaining > length)
                {
                    remaining -= length;
                    continue;
                }

                ranOut = true;
            }

            var close = Calendar.CloseOfWorkingDay(remaining > TimeSpan.Zero ? Calendar.AddWorkingTime(from, remaining) : from);
            remaining = TimeSpan.Zero;
            if (to is not { } pausedAt || close <= pausedAt)
            {
                return close;
            }
        }

        throw new InvalidOperationException("Unreachable: the last running interval is open.");
    }
}
