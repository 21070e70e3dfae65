using CivicGrid.Domain.Calendar;
using Microsoft.Extensions.Time.Testing;
using static CivicGrid.Domain.Tests.Calendar.TestCalendar;

namespace CivicGrid.Domain.Tests.Calendar;

public class UsedFractionTests
{
    [Fact]
    public void WorkHour_NinetySixOfOneHundredTwentyMinutes_IsEightyPercent()
    {
        var time = new FakeTimeProvider(At("2024-11-04 10:00"));
        var start = time.GetUtcNow();
        time.Advance(TimeSpan.FromMinutes(96));

        Assert.Equal(0.8, Calculator.UsedFraction(start, TimeLimit.WorkHours(2), time.GetUtcNow()));
    }

    [Fact]
    public void WorkHour_OverTheWeekend_CountsOnlyWorkingTime()
    {
        // Fri 17–18 (1 h) + Mon 08:30–09:00 (0.5 h) = 1.5 h of 2 h.
        var time = new FakeTimeProvider(At("2024-11-08 17:00"));
        var start = time.GetUtcNow();
        time.SetUtcNow(At("2024-11-11 09:00"));

        Assert.Equal(0.75, Calculator.UsedFraction(start, TimeLimit.WorkHours(2), time.GetUtcNow()));
    }

    [Fact]
    public void UrgentHour_OverTheEndOfTheWorkingDay_CountsContinuously()
    {
        Assert.Equal(0.75, Calculator.UsedFraction(At("2024-11-08 17:00"), TimeLimit.UrgentHours(2), At("2024-11-08 18:30")));
    }

    [Fact]
    public void NaturalDay_OverTheWeekend_CountsContinuously()
    {
        // 36 h of 48 h.
        Assert.Equal(0.75, Calculator.UsedFraction(At("2024-11-09 00:00"), TimeLimit.NaturalDays(2), At("2024-11-10 12:00")));
    }

    [Fact]
    public void WorkDay_UntilTheEndOfTheFirstDay_IsMeasuredInWorkingHours()
    {
        // Mon 10–12 (2 h) + 14:30–18 (3.5 h) = 5.5 h of 7 h.
        Assert.Equal(
            5.5 / 7,
            Calculator.UsedFraction(At("2024-11-04 10:00"), TimeLimit.WorkDays(1), At("2024-11-04 18:00")),
            precision: 12);
    }

    [Fact]
    public void WorkDay_AllUsedUpAndNoWorkingTimeSince_IsExactlyOneAndYellow()
    {
        // Started Fri Sep 27 19:00 with 2 work days: 7 h on Sun Sep 29 + 7 h on Mon Sep 30 = 14 h by Oct 8 08:30
        // (the deadline itself is Sep 30 18:00; the measure does not grow over the holiday week).
        var fraction = Calculator.UsedFraction(At("2024-09-27 19:00"), TimeLimit.WorkDays(2), At("2024-10-08 08:30"));

        Assert.Equal(1.0, fraction);
        Assert.Equal(DeadlineLight.Yellow, DeadlineLights.For(fraction));
    }

    [Fact]
    public void WorkDay_OneWorkingMinuteOverTheAllowance_IsAboveOne()
    {
        var fraction = Calculator.UsedFraction(At("2024-09-27 19:00"), TimeLimit.WorkDays(2), At("2024-10-08 08:31"));

        Assert.Equal((14 * 60 + 1) / (14.0 * 60), fraction, precision: 12);
        Assert.Equal(DeadlineLight.Red, DeadlineLights.For(fraction));
    }

    [Fact]
    public void UsedFraction_BeforeTheStart_IsZero()
    {
        Assert.Equal(0.0, Calculator.UsedFraction(At("2024-11-04 10:00"), TimeLimit.UrgentHours(1), At("2024-11-04 09:00")));
    }

    [Fact]
    public void Used_DuringAHoliday_DoesNotGrowForWorkTypes()
    {
        var start = At("2024-09-30 17:00");

        Assert.Equal(TimeSpan.FromHours(1), Calculator.Used(start, TimeLimit.WorkHours(4), At("2024-10-03 12:00")));
        Assert.Equal(TimeSpan.FromHours(67), Calculator.Used(start, TimeLimit.NaturalDays(4), At("2024-10-03 12:00")));
    }
}
