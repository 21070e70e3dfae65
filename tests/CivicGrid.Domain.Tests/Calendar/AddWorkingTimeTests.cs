using static CivicGrid.Domain.Tests.Calendar.TestCalendar;

namespace CivicGrid.Domain.Tests.Calendar;

public class AddWorkingTimeTests
{
    [Theory]
    [InlineData("2024-11-04 10:00", 120, "2024-11-04 12:00")] // fills the morning exactly: ends at 12:00, not 14:30
    [InlineData("2024-11-04 10:00", 135, "2024-11-04 14:45")] // over the lunch break
    [InlineData("2024-11-04 12:30", 15, "2024-11-04 14:45")] // start during the lunch break
    [InlineData("2024-11-04 07:00", 120, "2024-11-04 10:30")] // start before the working day
    [InlineData("2024-11-04 19:00", 120, "2024-11-05 10:30")] // start after the working day
    [InlineData("2024-11-04 17:45", 15, "2024-11-04 18:00")] // ends exactly at the end of the day
    [InlineData("2024-11-04 17:50", 15, "2024-11-05 08:35")] // 10 min today, 5 min tomorrow
    [InlineData("2024-11-04 00:00", 15, "2024-11-04 08:45")] // start at midnight
    [InlineData("2024-11-03 23:59", 15, "2024-11-04 08:45")] // start just before midnight on Sunday
    [InlineData("2024-11-04 23:50", 60, "2024-11-05 09:30")] // start just before midnight on Monday
    [InlineData("2024-11-08 17:00", 120, "2024-11-11 09:30")] // Friday: 1 h, then Monday 1 h
    [InlineData("2024-11-08 19:00", 120, "2024-11-11 10:30")] // Friday evening
    [InlineData("2024-09-27 17:00", 120, "2024-09-29 09:30")] // into the adjusted Sunday
    [InlineData("2024-09-30 17:00", 120, "2024-10-08 09:30")] // over the holiday week
    [InlineData("2024-12-31 17:00", 120, "2025-01-02 09:30")] // over New Year
    [InlineData("2024-10-11 17:00", 120, "2024-10-12 09:30")] // into the adjusted Saturday
    public void AddWorkingTime_ReturnsTheInstantTheWorkingTimeRunsOut(string start, int minutes, string expected)
    {
        Assert.Equal(At(expected), WorkCalendar.AddWorkingTime(At(start), TimeSpan.FromMinutes(minutes)));
    }

    [Fact]
    public void AddWorkingTime_OfTwentyWorkingDays_EndsOnTheTwentiethDayEvening()
    {
        // Nov 4–8, 11–15, 18–22, 25–29: the 20th working day is Fri Nov 29.
        Assert.Equal(At("2024-11-29 18:00"), WorkCalendar.AddWorkingTime(At("2024-11-04 08:30"), TimeSpan.FromHours(20 * 7)));
    }

    [Fact]
    public void AddWorkingTime_OfTwelveWorkingDaysOverTheHolidayWeek_EndsOnTheAdjustedSaturday()
    {
        // Sep 23–27 (5), Sun Sep 29 (6), Mon Sep 30 (7), Oct 8–11 (11), Sat Oct 12 (12).
        Assert.Equal(At("2024-10-12 18:00"), WorkCalendar.AddWorkingTime(At("2024-09-23 08:30"), TimeSpan.FromHours(12 * 7)));
    }

    [Fact]
    public void AddWorkingTime_OneMinuteMoreThanTwelveDays_ContinuesOnTheMondayAfter()
    {
        Assert.Equal(
            At("2024-10-14 08:31"),
            WorkCalendar.AddWorkingTime(At("2024-09-23 08:30"), TimeSpan.FromHours(12 * 7) + TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void AddWorkingTime_OfZero_ReturnsTheStartEvenOutsideWorkingTime()
    {
        Assert.Equal(At("2024-11-09 10:00"), WorkCalendar.AddWorkingTime(At("2024-11-09 10:00"), TimeSpan.Zero));
    }

    [Fact]
    public void AddWorkingTime_OfANegativeAmount_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => WorkCalendar.AddWorkingTime(At("2024-11-04 10:00"), TimeSpan.FromMinutes(-1)));
        Assert.Equal("amount", ex.ParamName);
    }

    [Fact]
    public void AddWorkingTime_ReturnsBeijingOffset()
    {
        var result = WorkCalendar.AddWorkingTime(new DateTimeOffset(2024, 11, 4, 2, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1));

        Assert.Equal(TimeSpan.FromHours(8), result.Offset);
        Assert.Equal(new DateTimeOffset(2024, 11, 4, 3, 0, 0, TimeSpan.Zero), result);
    }
}
