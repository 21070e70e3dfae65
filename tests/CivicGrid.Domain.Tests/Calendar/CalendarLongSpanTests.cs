using static CivicGrid.Domain.Tests.Calendar.TestCalendar;

namespace CivicGrid.Domain.Tests.Calendar;

public class CalendarLongSpanTests
{
    // Mon 2025-01-06 to Mon 2027-01-04 is exactly 104 weeks without special days in the test calendar.
    private const int WorkingDaysInTwoYears = 104 * 5;

    [Fact]
    public void WorkingTimeBetween_OverTwoYears_CountsEveryWorkingDay()
    {
        Assert.Equal(
            TimeSpan.FromHours(WorkingDaysInTwoYears * 7),
            WorkCalendar.WorkingTimeBetween(At("2025-01-06 00:00"), At("2027-01-04 00:00")));
    }

    [Fact]
    public void AddWorkingTime_OfTwoYears_EndsOnTheLastFriday()
    {
        Assert.Equal(
            At("2027-01-01 18:00"),
            WorkCalendar.AddWorkingTime(At("2025-01-06 08:30"), TimeSpan.FromHours(WorkingDaysInTwoYears * 7)));
    }
}
