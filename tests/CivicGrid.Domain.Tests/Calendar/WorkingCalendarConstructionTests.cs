using CivicGrid.Domain.Calendar;
using static CivicGrid.Domain.Tests.Calendar.TestCalendar;

namespace CivicGrid.Domain.Tests.Calendar;

public class WorkingCalendarConstructionTests
{
    private static WorkingPeriod Period(int startHour, int startMinute, int endHour, int endMinute) =>
        new(new TimeOnly(startHour, startMinute), new TimeOnly(endHour, endMinute));

    [Fact]
    public void WorkingPeriod_EndingBeforeItStarts_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Period(12, 0, 8, 30));
        Assert.Equal("end", ex.ParamName);
    }

    [Fact]
    public void WorkingPeriod_OfZeroLength_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Period(8, 30, 8, 30));
    }

    [Fact]
    public void WorkingPeriod_ReportsItsDurationAndText()
    {
        var period = Period(8, 30, 12, 0);

        Assert.Equal(TimeSpan.FromHours(3.5), period.Duration);
        Assert.Equal("08:30–12:00", period.ToString());
    }

    [Fact]
    public void Calendar_WithOverlappingPeriods_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(
            () => new WorkingCalendar(Shanghai, [], [Period(8, 30, 12, 0), Period(11, 0, 18, 0)]));
        Assert.Equal("workingPeriods", ex.ParamName);
        Assert.Contains("overlap", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calendar_WithPeriodsOutOfOrder_Throws()
    {
        Assert.Throws<ArgumentException>(
            () => new WorkingCalendar(Shanghai, [], [Period(14, 30, 18, 0), Period(8, 30, 12, 0)]));
    }

    [Fact]
    public void Calendar_WithoutPeriods_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new WorkingCalendar(Shanghai, [], []));
        Assert.Equal("workingPeriods", ex.ParamName);
    }

    [Fact]
    public void Calendar_WithADefaultEmptyPeriod_Throws()
    {
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(Shanghai, [], [default(WorkingPeriod)]));
    }

    [Fact]
    public void Calendar_WithADateListedTwice_Throws()
    {
        CalendarDay[] days =
        [
            new(Date("2024-10-01"), CalendarDayKind.Holiday, "National Day"),
            new(Date("2024-10-01"), CalendarDayKind.AdjustedWorkingDay, "Typo"),
        ];

        var ex = Assert.Throws<ArgumentException>(() => WorkingCalendar.Standard(Shanghai, days));
        Assert.Equal("specialDays", ex.ParamName);
        Assert.Contains("2024-10-01", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calendar_WithoutZone_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => WorkingCalendar.Standard(null!, []));
    }

    [Fact]
    public void Calendar_WithTouchingPeriods_IsAccepted()
    {
        var calendar = new WorkingCalendar(Shanghai, [], [Period(8, 0, 12, 0), Period(12, 0, 13, 0)]);

        Assert.Equal(TimeSpan.FromHours(5), calendar.WorkingTimePerDay);
        Assert.Equal(At("2024-11-04 12:30"), calendar.AddWorkingTime(At("2024-11-04 11:30"), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Standard_UsesTheCommonHours()
    {
        var calendar = WorkingCalendar.Standard(Shanghai, []);

        Assert.Equal([Period(8, 30, 12, 0), Period(14, 30, 18, 0)], calendar.WorkingPeriods);
        Assert.Same(Shanghai, calendar.Zone);
    }

    [Fact]
    public void SpecialDays_AreReturnedInDateOrder()
    {
        var days = WorkCalendar.SpecialDays;

        Assert.Equal(10, days.Count);
        Assert.Equal(Date("2024-09-29"), days[0].Date);
        Assert.Equal(Date("2025-01-01"), days[^1].Date);
    }

    [Fact]
    public void Calendar_WithSingleLongPeriod_ComputesWithThatPeriod()
    {
        var calendar = new WorkingCalendar(Shanghai, [], [Period(9, 0, 17, 0)]);

        Assert.Equal(TimeSpan.FromHours(8), calendar.WorkingTimePerDay);
        Assert.Equal(At("2024-11-05 10:00"), calendar.AddWorkingTime(At("2024-11-04 16:00"), TimeSpan.FromHours(2)));
        Assert.Equal(
            At("2024-11-05 17:00"), // counted from Tue 09:00, due at Tuesday's close (the period's end)
            new DeadlineCalculator(calendar).Deadline(At("2024-11-04 17:30"), TimeLimit.WorkDays(1)));
    }
}
