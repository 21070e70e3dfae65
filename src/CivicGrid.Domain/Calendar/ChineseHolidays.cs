namespace CivicGrid.Domain.Calendar;

/// <summary>
/// Seed data for the Chinese working calendar: statutory holidays (法定节假日) and adjusted working days (调休上班日).
/// </summary>
/// <remarks>
/// The State Council publishes the next year's arrangement each autumn (国务院办公厅关于部分节假日安排的通知).
/// Installs get their calendar from the shipped schedules (<c>CivicGrid.Data/Calendar/state-council-holidays.csv</c>,
/// added by <c>migrate</c>) and the administrator's imports; this copy of 2026 serves the domain tests, and a server
/// test checks that it matches the shipped file.
/// </remarks>
public static class ChineseHolidays
{
    /// <summary>The IANA id of China Standard Time used by all cities.</summary>
    public const string TimeZoneId = "Asia/Shanghai";

    /// <summary>China Standard Time (UTC+8, no daylight saving time).</summary>
    public static TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>The special days of 2026, as best known from the State Council notice on the 2026 holidays (published November 2025).</summary>
    public static IReadOnlyList<CalendarDay> Year2026() =>
    [
        .. Holidays(new DateOnly(2026, 1, 1), 3, "New Year's Day 元旦"),
        Working(new DateOnly(2026, 1, 4), "New Year's Day 元旦"),

        Working(new DateOnly(2026, 2, 14), "Spring Festival 春节"),
        .. Holidays(new DateOnly(2026, 2, 15), 9, "Spring Festival 春节"),
        Working(new DateOnly(2026, 2, 28), "Spring Festival 春节"),

        .. Holidays(new DateOnly(2026, 4, 4), 3, "Qingming Festival 清明节"),

        .. Holidays(new DateOnly(2026, 5, 1), 5, "Labour Day 劳动节"),
        Working(new DateOnly(2026, 5, 9), "Labour Day 劳动节"),

        .. Holidays(new DateOnly(2026, 6, 19), 3, "Dragon Boat Festival 端午节"),

        .. Holidays(new DateOnly(2026, 9, 25), 3, "Mid-Autumn Festival 中秋节"),

        Working(new DateOnly(2026, 9, 20), "National Day 国庆节"),
        .. Holidays(new DateOnly(2026, 10, 1), 7, "National Day 国庆节"),
        Working(new DateOnly(2026, 10, 10), "National Day 国庆节"),
    ];

    private static IEnumerable<CalendarDay> Holidays(DateOnly first, int days, string name) =>
        Enumerable.Range(0, days).Select(i => new CalendarDay(first.AddDays(i), CalendarDayKind.Holiday, name));

    private static CalendarDay Working(DateOnly date, string name) =>
        new(date, CalendarDayKind.AdjustedWorkingDay, name);
}
