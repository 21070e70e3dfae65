using static CivicGrid.Domain.Tests.Calendar.TestCalendar;

namespace CivicGrid.Domain.Tests.Calendar;

public class WorkingTimeBetweenTests
{
    [Theory]
    [InlineData("2024-11-04 09:00", "2024-11-04 11:00", 120)] // inside one period
    [InlineData("2024-11-04 11:00", "2024-11-04 15:00", 90)] // 11–12 + 14:30–15
    [InlineData("2024-11-04 12:30", "2024-11-04 15:00", 30)] // from the lunch break
    [InlineData("2024-11-04 12:10", "2024-11-04 14:20", 0)] // lunch break only
    [InlineData("2024-11-04 06:00", "2024-11-04 09:00", 30)] // from before the working day
    [InlineData("2024-11-04 00:00", "2024-11-05 00:00", 420)] // midnight to midnight: one whole day
    [InlineData("2024-11-04 17:00", "2024-11-05 09:00", 90)] // overnight: 17–18 + 08:30–09
    [InlineData("2024-11-08 17:00", "2024-11-11 09:30", 120)] // Friday evening over the weekend
    [InlineData("2024-11-09 00:00", "2024-11-11 00:00", 0)] // weekend only
    [InlineData("2024-09-28 00:00", "2024-09-30 00:00", 420)] // adjusted Sunday counts
    [InlineData("2024-09-30 09:00", "2024-10-08 09:00", 420)] // 3 + 3.5 h on Sep 30, 0.5 h on Oct 8
    [InlineData("2024-12-31 16:00", "2025-01-02 10:00", 210)] // 2 h on Dec 31, New Year off, 1.5 h on Jan 2
    [InlineData("2024-11-04 08:30", "2024-12-02 08:30", 20 * 420)] // four ordinary weeks
    public void WorkingTimeBetween_CountsOnlyWorkingPeriodsOfWorkingDays(string from, string to, int expectedMinutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), WorkCalendar.WorkingTimeBetween(At(from), At(to)));
    }

    [Theory]
    [InlineData("2024-11-04 10:00", "2024-11-04 10:00")]
    [InlineData("2024-11-04 11:00", "2024-11-04 10:00")]
    [InlineData("2024-11-05 10:00", "2024-11-04 10:00")]
    public void WorkingTimeBetween_WhenToIsNotAfterFrom_IsZero(string from, string to)
    {
        Assert.Equal(TimeSpan.Zero, WorkCalendar.WorkingTimeBetween(At(from), At(to)));
    }

    [Fact]
    public void WorkingTimeBetween_AcceptsInstantsInOtherOffsets()
    {
        // 01:00 UTC = 09:00 Beijing; 03:00 UTC = 11:00 Beijing.
        var from = new DateTimeOffset(2024, 11, 4, 1, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2024, 11, 4, 3, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromHours(2), WorkCalendar.WorkingTimeBetween(from, to));
    }
}
