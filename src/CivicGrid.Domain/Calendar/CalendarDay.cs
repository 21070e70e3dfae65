namespace CivicGrid.Domain.Calendar;

/// <summary>
/// One special day of the working calendar, e.g. 2026-10-01 <see cref="CalendarDayKind.Holiday"/> "National Day",
/// maintained per year by the administrator.
/// </summary>
/// <param name="Date">The local date in the calendar's time zone.</param>
/// <param name="Kind">Holiday (放假) or adjusted working day (调休上班).</param>
/// <param name="Name">The holiday it belongs to, for display, e.g. "Spring Festival 春节".</param>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, string Name);
