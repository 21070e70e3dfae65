using System.Globalization;
using CivicGrid.Domain.Calendar;

namespace CivicGrid.Domain.Tests.Calendar;

/// <summary>
/// A hand-made calendar for the arithmetic tests (standard hours 08:30–12:00, 14:30–18:00, Asia/Shanghai):
/// <list type="bullet">
/// <item>National Day week: Tue 2024-10-01 … Mon 2024-10-07 off; Sun 2024-09-29 and Sat 2024-10-12 worked (调休).</item>
/// <item>New Year: Wed 2025-01-01 off.</item>
/// </list>
/// Ordinary reference week: Mon 2024-11-04 … Fri 2024-11-08, weekend 11-09/11-10, Mon 2024-11-11.
/// </summary>
internal static class TestCalendar
{
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static readonly CalendarDay[] Days =
    [
        new(new DateOnly(2024, 9, 29), CalendarDayKind.AdjustedWorkingDay, "National Day"),
        .. Enumerable.Range(1, 7).Select(d => new CalendarDay(new DateOnly(2024, 10, d), CalendarDayKind.Holiday, "National Day")),
        new(new DateOnly(2024, 10, 12), CalendarDayKind.AdjustedWorkingDay, "National Day"),
        new(new DateOnly(2025, 1, 1), CalendarDayKind.Holiday, "New Year"),
    ];

    public static WorkingCalendar WorkCalendar { get; } = WorkingCalendar.Standard(Shanghai, Days);

    public static DeadlineCalculator Calculator { get; } = new(WorkCalendar);

    /// <summary>A Beijing-time instant from "yyyy-MM-dd HH:mm" or "yyyy-MM-dd HH:mm:ss".</summary>
    public static DateTimeOffset At(string local) => DateTimeOffset.ParseExact(
        local + " +08:00",
        ["yyyy-MM-dd HH:mm zzz", "yyyy-MM-dd HH:mm:ss zzz"],
        CultureInfo.InvariantCulture,
        DateTimeStyles.None);

    public static DateOnly Date(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
