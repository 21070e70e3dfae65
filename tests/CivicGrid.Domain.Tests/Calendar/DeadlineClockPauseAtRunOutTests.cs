using CivicGrid.Domain.Calendar;
using static CivicGrid.Domain.Tests.Calendar.TestCalendar;

namespace CivicGrid.Domain.Tests.Calendar;

/// <summary>A limit whose allowance runs out exactly when a pause starts: the hour and natural-day limits end at that
/// instant (the allowance is spent), so after the resume the case is overdue at once. The work-day branch (which
/// carries on to close of business) is in <see cref="DeadlineClockTests"/>.</summary>
public class DeadlineClockPauseAtRunOutTests
{
    [Fact]
    public void AWorkHourLimitThatRunsOutExactlyAsAPauseStarts_IsDueAtThePauseAndOverdueRightAfterTheResume()
    {
        var clock = new DeadlineClock(At("2024-11-04 10:00"), TimeLimit.WorkHours(1), WorkCalendar);
        clock.Pause(At("2024-11-04 11:00"));
        clock.Resume(At("2024-11-05 09:00"));

        Assert.Equal(At("2024-11-04 11:00"), clock.Deadline(At("2024-11-05 09:00")));
        Assert.False(clock.IsOverdue(At("2024-11-05 09:00")));
        Assert.True(clock.IsOverdue(At("2024-11-05 09:01")));
        Assert.Equal(DeadlineLight.Red, clock.Light(At("2024-11-05 09:01")));
    }

    [Fact]
    public void AWorkHourLimitThatRunsOutAtNoonWhenAPauseStartsThen_IsDueAtNoonNotAfterTheResume()
    {
        var clock = new DeadlineClock(At("2024-11-04 10:00"), TimeLimit.WorkHours(2), WorkCalendar);
        clock.Pause(At("2024-11-04 12:00"));
        clock.Resume(At("2024-11-04 15:00"));

        Assert.Equal(At("2024-11-04 12:00"), clock.Deadline(At("2024-11-04 15:30")));
        Assert.True(clock.IsOverdue(At("2024-11-04 15:30")));
    }

    [Fact]
    public void AnUrgentHourLimitThatRunsOutExactlyAsAPauseStarts_IsDueAtThePauseAndOverdueRightAfterTheResume()
    {
        var clock = new DeadlineClock(At("2024-11-04 10:00"), TimeLimit.UrgentMinutes(30), WorkCalendar);
        clock.Pause(At("2024-11-04 10:30"));
        clock.Resume(At("2024-11-04 13:00"));

        Assert.Equal(At("2024-11-04 10:30"), clock.Deadline(At("2024-11-04 13:00")));
        Assert.Equal(At("2024-11-04 10:30"), clock.WhenUsed(clock.Allowed, At("2024-11-04 13:00")));
        Assert.False(clock.IsOverdue(At("2024-11-04 13:00")));
        Assert.True(clock.IsOverdue(At("2024-11-04 13:00:01")));
    }

    [Fact]
    public void ANaturalDayLimitThatRunsOutExactlyAsAPauseStarts_IsDueAtThePauseAndOverdueRightAfterTheResume()
    {
        var clock = new DeadlineClock(At("2024-11-04 10:00"), TimeLimit.NaturalDays(1), WorkCalendar);
        clock.Pause(At("2024-11-05 10:00"));
        clock.Resume(At("2024-11-07 10:00"));

        Assert.Equal(At("2024-11-05 10:00"), clock.Deadline(At("2024-11-07 10:00")));
        Assert.False(clock.IsOverdue(At("2024-11-07 10:00")));
        Assert.True(clock.IsOverdue(At("2024-11-07 10:00:01")));
        Assert.Equal(DeadlineLight.Red, clock.Light(At("2024-11-07 10:00:01")));
    }

    [Fact]
    public void AnHourLimitThatRunsOutExactlyAsAPauseStarts_StaysDueAtThePauseWhileThePauseLasts()
    {
        var clock = new DeadlineClock(At("2024-11-04 10:00"), TimeLimit.UrgentMinutes(60), WorkCalendar);
        clock.Pause(At("2024-11-04 11:00"));

        Assert.Equal(At("2024-11-04 11:00"), clock.Deadline(At("2024-11-04 16:00")));
        Assert.Equal(DeadlineLight.Yellow, clock.Light(At("2024-11-04 16:00")));
    }
}
