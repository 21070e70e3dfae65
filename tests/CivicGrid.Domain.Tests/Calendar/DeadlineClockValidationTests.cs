using CivicGrid.Domain.Calendar;
using static CivicGrid.Domain.Tests.Calendar.TestCalendar;

namespace CivicGrid.Domain.Tests.Calendar;

public class DeadlineClockValidationTests
{
    private static DeadlineClock NewClock() => new(At("2024-11-04 10:00"), TimeLimit.WorkHours(2), WorkCalendar);

    [Fact]
    public void Pause_Twice_Throws()
    {
        var clock = NewClock();
        clock.Pause(At("2024-11-04 11:00"));

        var ex = Assert.Throws<InvalidOperationException>(() => clock.Pause(At("2024-11-04 11:30")));
        Assert.Contains("already paused", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resume_WithoutPause_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => NewClock().Resume(At("2024-11-04 11:00")));
        Assert.Contains("not paused", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resume_Twice_Throws()
    {
        var clock = NewClock();
        clock.Pause(At("2024-11-04 11:00"));
        clock.Resume(At("2024-11-04 12:00"));

        Assert.Throws<InvalidOperationException>(() => clock.Resume(At("2024-11-04 13:00")));
    }

    [Fact]
    public void Pause_BeforeTheStart_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => NewClock().Pause(At("2024-11-04 09:59")));
        Assert.Contains("time cannot go back", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resume_BeforeThePause_Throws()
    {
        var clock = NewClock();
        clock.Pause(At("2024-11-04 11:00"));

        var ex = Assert.Throws<InvalidOperationException>(() => clock.Resume(At("2024-11-04 10:30")));
        Assert.Contains("time cannot go back", ex.Message, StringComparison.Ordinal);
        Assert.True(clock.IsPaused);
    }

    [Fact]
    public void Pause_BeforeTheLastResume_Throws()
    {
        var clock = NewClock();
        clock.Pause(At("2024-11-04 11:00"));
        clock.Resume(At("2024-11-04 12:00"));

        Assert.Throws<InvalidOperationException>(() => clock.Pause(At("2024-11-04 11:30")));
        Assert.Single(clock.Pauses);
    }

    [Fact]
    public void Clock_WithADefaultLimit_Throws()
    {
        Assert.Throws<ArgumentException>(() => new DeadlineClock(At("2024-11-04 10:00"), default, WorkCalendar));
    }

    [Fact]
    public void Clock_WithoutCalendar_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new DeadlineClock(At("2024-11-04 10:00"), TimeLimit.WorkDays(1), null!));
    }
}
