using static CivicGrid.Domain.Tests.Calendar.TestCalendar;

namespace CivicGrid.Domain.Tests.Calendar;

public class WorkingCalendarTimeTests
{
    [Theory]
    [InlineData("2024-11-04 08:29:59", false)]
    [InlineData("2024-11-04 08:30", true)]
    [InlineData("2024-11-04 11:59:59", true)]
    [InlineData("2024-11-04 12:00", false)] // lunch break
    [InlineData("2024-11-04 14:29:59", false)]
    [InlineData("2024-11-04 14:30", true)]
    [InlineData("2024-11-04 17:59:59", true)]
    [InlineData("2024-11-04 18:00", false)]
    [InlineData("2024-11-04 00:00", false)] // midnight
    [InlineData("2024-11-09 10:00", false)] // Saturday
    [InlineData("2024-10-02 10:00", false)] // holiday
    [InlineData("2024-09-29 10:00", true)] // adjusted Sunday
    public void IsWorkingTime_IsTrueOnlyInsideWorkingPeriodsOfWorkingDays(string instant, bool expected)
    {
        Assert.Equal(expected, WorkCalendar.IsWorkingTime(At(instant)));
    }

    [Fact]
    public void IsWorkingTime_ConvertsOtherOffsetsToBeijingTime()
    {
        // 02:00 UTC is 10:00 in Beijing; 00:00 UTC is 08:00.
        Assert.True(WorkCalendar.IsWorkingTime(new DateTimeOffset(2024, 11, 4, 2, 0, 0, TimeSpan.Zero)));
        Assert.False(WorkCalendar.IsWorkingTime(new DateTimeOffset(2024, 11, 4, 0, 0, 0, TimeSpan.Zero)));
        // Sunday 23:00 UTC is Monday 07:00 in Beijing: not yet working; Monday 01:00 UTC is 09:00.
        Assert.False(WorkCalendar.IsWorkingTime(new DateTimeOffset(2024, 11, 3, 23, 0, 0, TimeSpan.Zero)));
        Assert.True(WorkCalendar.IsWorkingTime(new DateTimeOffset(2024, 11, 4, 1, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("2024-11-04 07:00", "2024-11-04 08:30")] // before the working day
    [InlineData("2024-11-04 00:00", "2024-11-04 08:30")] // at midnight
    [InlineData("2024-11-03 23:59:59", "2024-11-04 08:30")] // just before midnight on Sunday
    [InlineData("2024-11-04 10:00", "2024-11-04 10:00")] // working time: itself
    [InlineData("2024-11-04 08:30", "2024-11-04 08:30")]
    [InlineData("2024-11-04 12:00", "2024-11-04 14:30")] // lunch break
    [InlineData("2024-11-04 13:15", "2024-11-04 14:30")]
    [InlineData("2024-11-04 18:00", "2024-11-05 08:30")] // after the working day
    [InlineData("2024-11-04 23:59", "2024-11-05 08:30")]
    [InlineData("2024-11-08 19:00", "2024-11-11 08:30")] // Friday evening
    [InlineData("2024-09-27 19:00", "2024-09-29 08:30")] // Friday evening before an adjusted Sunday
    [InlineData("2024-09-30 18:30", "2024-10-08 08:30")] // the evening before the holiday week
    [InlineData("2024-10-03 10:00", "2024-10-08 08:30")] // inside the holiday week
    [InlineData("2024-12-31 18:00", "2025-01-02 08:30")] // New Year's Eve
    public void NextWorkingStart_ReturnsTheInstantItselfOrTheNextPeriodStart(string instant, string expected)
    {
        Assert.Equal(At(expected), WorkCalendar.NextWorkingStart(At(instant)));
    }

    [Fact]
    public void NextWorkingStart_FromUtcFridayEvening_IsMondayMorningInBeijing()
    {
        // Fri 11:00 UTC = Fri 19:00 Beijing → Mon 08:30 Beijing = Mon 00:30 UTC.
        var result = WorkCalendar.NextWorkingStart(new DateTimeOffset(2024, 11, 8, 11, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2024, 11, 11, 0, 30, 0, TimeSpan.Zero), result);
        Assert.Equal(TimeSpan.FromHours(8), result.Offset);
    }
}
