using static CivicGrid.Domain.Tests.Calendar.TestCalendar;

namespace CivicGrid.Domain.Tests.Calendar;

public class WorkingCalendarDayTests
{
    [Theory]
    [InlineData("2024-11-04", true)] // Monday
    [InlineData("2024-11-08", true)] // Friday
    [InlineData("2024-11-09", false)] // Saturday
    [InlineData("2024-11-10", false)] // Sunday
    [InlineData("2024-10-01", false)] // Tuesday, National Day
    [InlineData("2024-10-07", false)] // Monday, last day of the holiday week
    [InlineData("2024-10-05", false)] // Saturday inside the holiday week
    [InlineData("2024-09-29", true)] // Sunday, adjusted working day
    [InlineData("2024-10-12", true)] // Saturday, adjusted working day
    [InlineData("2024-10-13", false)] // Sunday after the adjusted Saturday
    [InlineData("2025-01-01", false)] // Wednesday, New Year
    [InlineData("2025-01-02", true)] // Thursday after New Year
    public void IsWorkingDay_FollowsWeekendsHolidaysAndAdjustedDays(string date, bool expected)
    {
        Assert.Equal(expected, WorkCalendar.IsWorkingDay(Date(date)));
    }

    [Fact]
    public void CountWorkingDays_AcrossTheHolidayWeek_CountsAdjustedDaysAndSkipsHolidays()
    {
        // Sep 23–27 (5) + Sun Sep 29 (1) + Mon Sep 30 (1) + Oct 8–11 (4) + Sat Oct 12 (1) = 12.
        Assert.Equal(12, WorkCalendar.CountWorkingDays(Date("2024-09-23"), Date("2024-10-14")));
    }

    [Fact]
    public void CountWorkingDays_OverFourOrdinaryWeeks_IsTwenty()
    {
        Assert.Equal(20, WorkCalendar.CountWorkingDays(Date("2024-11-04"), Date("2024-12-02")));
    }

    [Fact]
    public void CountWorkingDays_ForAnEmptyOrReversedRange_IsZero()
    {
        Assert.Equal(0, WorkCalendar.CountWorkingDays(Date("2024-11-04"), Date("2024-11-04")));
        Assert.Equal(0, WorkCalendar.CountWorkingDays(Date("2024-11-08"), Date("2024-11-04")));
    }

    [Fact]
    public void CountWorkingDays_OverYearEnd_SkipsNewYearsDay()
    {
        // Mon Dec 30, Tue Dec 31, (Wed Jan 1 off), Thu Jan 2, Fri Jan 3 = 4.
        Assert.Equal(4, WorkCalendar.CountWorkingDays(Date("2024-12-30"), Date("2025-01-04")));
    }

    [Fact]
    public void SpecialDay_ReturnsTheEntryOrNull()
    {
        Assert.Equal("National Day", WorkCalendar.SpecialDay(Date("2024-10-03"))?.Name);
        Assert.Null(WorkCalendar.SpecialDay(Date("2024-11-04")));
    }

    [Fact]
    public void WorkingTimePerDay_ForStandardHours_IsSevenHours()
    {
        Assert.Equal(TimeSpan.FromHours(7), WorkCalendar.WorkingTimePerDay);
    }
}
