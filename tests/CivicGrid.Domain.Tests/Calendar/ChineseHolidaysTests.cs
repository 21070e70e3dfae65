using CivicGrid.Domain.Calendar;
using static CivicGrid.Domain.Tests.Calendar.TestCalendar;

namespace CivicGrid.Domain.Tests.Calendar;

public class ChineseHolidaysTests
{
    private static readonly WorkingCalendar Calendar2026 =
        WorkingCalendar.Standard(ChineseHolidays.TimeZone, ChineseHolidays.Year2026());

    [Theory]
    [InlineData("2026-01-01", false)] // New Year's Day, Thursday
    [InlineData("2026-01-02", false)] // Friday off
    [InlineData("2026-01-04", true)] // Sunday worked
    [InlineData("2026-02-14", true)] // Saturday worked before the Spring Festival
    [InlineData("2026-02-17", false)] // Spring Festival (正月初一), Tuesday
    [InlineData("2026-02-23", false)] // last day of the Spring Festival holiday, Monday
    [InlineData("2026-02-24", true)]
    [InlineData("2026-02-28", true)] // Saturday worked after the Spring Festival
    [InlineData("2026-04-06", false)] // Qingming, Monday
    [InlineData("2026-05-05", false)] // Labour Day holiday, Tuesday
    [InlineData("2026-05-09", true)] // Saturday worked
    [InlineData("2026-06-19", false)] // Dragon Boat Festival, Friday
    [InlineData("2026-09-25", false)] // Mid-Autumn Festival, Friday
    [InlineData("2026-09-20", true)] // Sunday worked before National Day
    [InlineData("2026-10-07", false)] // National Day holiday, Wednesday
    [InlineData("2026-10-08", true)]
    [InlineData("2026-10-10", true)] // Saturday worked after National Day
    [InlineData("2026-03-10", true)] // an ordinary Tuesday
    [InlineData("2026-03-14", false)] // an ordinary Saturday
    public void Year2026_KnownDates_AreWorkingDaysOrNot(string date, bool expected)
    {
        Assert.Equal(expected, Calendar2026.IsWorkingDay(Date(date)));
    }

    [Fact]
    public void Year2026_HasThirtyThreeHolidaysAndSixAdjustedWorkingDays()
    {
        var days = ChineseHolidays.Year2026();

        // 3 + 9 + 3 + 5 + 3 + 3 + 7 holiday days; adjusted: Jan 4, Feb 14, Feb 28, May 9, Sep 20, Oct 10.
        Assert.Equal(33, days.Count(d => d.Kind == CalendarDayKind.Holiday));
        Assert.Equal(6, days.Count(d => d.Kind == CalendarDayKind.AdjustedWorkingDay));
        Assert.Equal(days.Count, days.Select(d => d.Date).Distinct().Count());
    }

    [Fact]
    public void Year2026_AdjustedWorkingDays_AreAllWeekendDays()
    {
        Assert.All(
            ChineseHolidays.Year2026().Where(d => d.Kind == CalendarDayKind.AdjustedWorkingDay),
            d => Assert.True(d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{d.Date} is a weekday"));
    }

    [Fact]
    public void TimeZone_IsChinaStandardTime()
    {
        Assert.Equal(TimeSpan.FromHours(8), ChineseHolidays.TimeZone.GetUtcOffset(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero)));
    }
}
