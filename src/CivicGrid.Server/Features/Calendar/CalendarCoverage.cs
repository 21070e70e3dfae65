using CivicGrid.Domain.Calendar;

namespace CivicGrid.Server.Features.Calendar;

/// <summary>How far ahead the working calendar knows the holidays (years with at least one holiday count as covered,
/// see <see cref="WorkingCalendar.CoveredYears"/>). Deadlines counted in working time past <see cref="CoveredThrough"/>
/// assume an ordinary Monday–Friday week and are flagged.</summary>
public sealed record CalendarCoverage(DateOnly Today, DateOnly? CoveredThrough, bool CoversAhead, IReadOnlyList<int> CoveredYears)
{
    /// <summary>The calendar should know the holidays this many days ahead; otherwise the admin page and
    /// /healthz/ready warn.</summary>
    public const int DaysAhead = 60;

    public static CalendarCoverage Of(WorkingCalendar calendar, DateTimeOffset now)
    {
        var today = calendar.LocalDate(now);
        return new CalendarCoverage(today, calendar.CoveredThrough(today), calendar.Covers(today, today.AddDays(DaysAhead)), calendar.CoveredYears);
    }

    /// <summary>The warning text (English, for logs and health details), or null when the calendar covers the days ahead.</summary>
    public string? Warning => CoversAhead
        ? null
        : CoveredThrough is { } through
            ? $"The working calendar has holidays only through {through:yyyy-MM-dd}; import the next year's schedule (deadlines after that date are flagged)."
            : $"The working calendar has no holidays for {Today.Year}; import the State Council schedule (deadlines are flagged).";
}
