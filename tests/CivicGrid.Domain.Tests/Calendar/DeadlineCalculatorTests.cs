using CivicGrid.Domain.Calendar;
using static CivicGrid.Domain.Tests.Calendar.TestCalendar;

namespace CivicGrid.Domain.Tests.Calendar;

public class DeadlineCalculatorTests
{
    [Fact]
    public void UrgentHour_FifteenMinutesAcrossSaturdayMidnight_RunsContinuously()
    {
        Assert.Equal(At("2024-11-10 00:05"), Calculator.Deadline(At("2024-11-09 23:50"), TimeLimit.UrgentMinutes(15)));
    }

    [Fact]
    public void UrgentHour_TwoHoursOnAHoliday_CountsTheHoliday()
    {
        Assert.Equal(At("2024-10-01 12:00"), Calculator.Deadline(At("2024-10-01 10:00"), TimeLimit.UrgentHours(2)));
    }

    [Fact]
    public void UrgentHour_TwoHoursOverTheLunchBreak_CountsTheLunchBreak()
    {
        Assert.Equal(At("2024-11-04 13:00"), Calculator.Deadline(At("2024-11-04 11:00"), TimeLimit.UrgentHours(2)));
    }

    [Fact]
    public void NaturalDay_ThreeDaysFromFridayEvening_EndsMondayEvening()
    {
        Assert.Equal(At("2024-09-30 19:00"), Calculator.Deadline(At("2024-09-27 19:00"), TimeLimit.NaturalDays(3)));
    }

    [Fact]
    public void NaturalDay_SevenDaysIntoTheHolidayWeek_CountsEveryDay()
    {
        Assert.Equal(At("2024-10-07 10:00"), Calculator.Deadline(At("2024-09-30 10:00"), TimeLimit.NaturalDays(7)));
    }

    [Fact]
    public void WorkHour_StartingFridayEvening_ResumesMondayMorning()
    {
        Assert.Equal(At("2024-11-11 10:30"), Calculator.Deadline(At("2024-11-08 19:00"), TimeLimit.WorkHours(2)));
    }

    [Fact]
    public void WorkHour_FifteenMinutesBeforeLunch_ContinuesAfterLunch()
    {
        Assert.Equal(At("2024-11-04 14:35"), Calculator.Deadline(At("2024-11-04 11:50"), TimeLimit.WorkMinutes(15)));
    }

    [Fact]
    public void WorkHour_TwoHoursFromTheLastWorkingDayBeforeTheHolidayWeek_EndsAfterIt()
    {
        // 1 h on Mon Sep 30, holidays Oct 1–7, 1.5 h on Tue Oct 8.
        Assert.Equal(At("2024-10-08 10:00"), Calculator.Deadline(At("2024-09-30 17:00"), TimeLimit.WorkMinutes(150)));
    }

    [Theory]
    [InlineData("2024-11-04 10:00", 1, "2024-11-05 18:00")] // used up Tue 10:00: due at Tuesday's close of business
    [InlineData("2024-11-04 10:00", 3, "2024-11-07 18:00")]
    [InlineData("2024-11-08 10:00", 1, "2024-11-11 18:00")] // Friday → Monday
    [InlineData("2024-11-04 08:30", 1, "2024-11-04 18:00")] // exactly at the working start: the whole of Monday
    [InlineData("2024-11-04 14:30", 1, "2024-11-05 18:00")] // used up Tue 12:00
    [InlineData("2024-11-04 07:00", 1, "2024-11-04 18:00")] // before the working day: counted from 08:30
    [InlineData("2024-11-04 00:00", 1, "2024-11-04 18:00")] // at midnight
    [InlineData("2024-11-10 23:59:59", 1, "2024-11-11 18:00")] // Sunday night: counted from Mon 08:30
    [InlineData("2024-11-04 12:30", 1, "2024-11-05 18:00")] // lunch break: counted from 14:30, used up Tue 12:00
    [InlineData("2024-11-04 19:00", 1, "2024-11-05 18:00")] // after the working day: the whole of Tuesday
    [InlineData("2024-11-08 19:00", 1, "2024-11-11 18:00")] // Friday evening: the whole of Monday
    [InlineData("2024-09-30 10:00", 1, "2024-10-08 18:00")] // the day before the holiday week
    [InlineData("2024-09-30 07:52", 1, "2024-09-30 18:00")] // early on that day: not "Oct 8 08:30" (issue 14)
    [InlineData("2024-09-30 19:00", 1, "2024-10-08 18:00")] // the evening before the holiday week
    [InlineData("2024-09-27 19:00", 2, "2024-09-30 18:00")] // Friday evening: Sun 29 (adjusted) and Mon 30
    [InlineData("2024-10-11 15:00", 1, "2024-10-12 18:00")] // into the adjusted Saturday
    [InlineData("2024-12-31 10:00", 1, "2025-01-02 18:00")] // over New Year
    [InlineData("2024-12-30 23:59", 1, "2024-12-31 18:00")] // the whole of Dec 31
    [InlineData("2024-12-31 09:00", 5, "2025-01-08 18:00")] // Jan 2, 3, 6, 7, 8
    [InlineData("2024-09-23 10:00", 15, "2024-10-17 18:00")] // 24–27, 29, 30, Oct 8–12, 14–17
    public void WorkDay_EndsAtCloseOfBusinessOfTheWorkingDayTheAllowanceRunsOutOn(string start, int days, string expected)
    {
        Assert.Equal(At(expected), Calculator.Deadline(At(start), TimeLimit.WorkDays(days)));
    }

    [Fact]
    public void WorkHour_FromUtcInput_ComputesInBeijingTime()
    {
        // Fri 11:00 UTC = Fri 19:00 Beijing → Mon 10:30 Beijing = Mon 02:30 UTC.
        var deadline = Calculator.Deadline(new DateTimeOffset(2024, 11, 8, 11, 0, 0, TimeSpan.Zero), TimeLimit.WorkHours(2));

        Assert.Equal(new DateTimeOffset(2024, 11, 11, 2, 30, 0, TimeSpan.Zero), deadline);
    }

    [Fact]
    public void Allowed_IsInTheLimitsOwnMeasure()
    {
        Assert.Equal(TimeSpan.FromMinutes(15), Calculator.Allowed(TimeLimit.UrgentMinutes(15)));
        Assert.Equal(TimeSpan.FromHours(2), Calculator.Allowed(TimeLimit.WorkHours(2)));
        Assert.Equal(TimeSpan.FromHours(21), Calculator.Allowed(TimeLimit.WorkDays(3)));
        Assert.Equal(TimeSpan.FromHours(72), Calculator.Allowed(TimeLimit.NaturalDays(3)));
    }

    [Fact]
    public void Deadline_WithADefaultLimit_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Calculator.Deadline(At("2024-11-04 10:00"), default));
        Assert.Equal("limit", ex.ParamName);
    }

    [Fact]
    public void Calculator_WithoutCalendar_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new DeadlineCalculator(null!));
    }
}
