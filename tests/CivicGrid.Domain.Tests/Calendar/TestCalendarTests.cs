using static CivicGrid.Domain.Tests.Calendar.TestCalendar;

namespace CivicGrid.Domain.Tests.Calendar;

public class TestCalendarTests
{
    [Theory]
    [InlineData("2024-09-27", DayOfWeek.Friday)]
    [InlineData("2024-09-29", DayOfWeek.Sunday)]
    [InlineData("2024-10-01", DayOfWeek.Tuesday)]
    [InlineData("2024-10-07", DayOfWeek.Monday)]
    [InlineData("2024-10-12", DayOfWeek.Saturday)]
    [InlineData("2024-11-04", DayOfWeek.Monday)]
    [InlineData("2024-12-31", DayOfWeek.Tuesday)]
    [InlineData("2025-01-01", DayOfWeek.Wednesday)]
    public void ReferenceDates_HaveTheWeekdaysTheTestsAssume(string date, DayOfWeek expected)
    {
        Assert.Equal(expected, Date(date).DayOfWeek);
    }

    [Fact]
    public void At_ReadsTheTimeAsBeijingTime()
    {
        Assert.Equal(new DateTimeOffset(2024, 11, 4, 2, 0, 0, TimeSpan.Zero), At("2024-11-04 10:00"));
    }

    [Fact]
    public void Shanghai_IsUtcPlusEight()
    {
        Assert.Equal(TimeSpan.FromHours(8), Shanghai.GetUtcOffset(At("2024-07-01 12:00")));
    }
}
