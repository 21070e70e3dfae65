using CivicGrid.Domain.Calendar;
using Microsoft.Extensions.Time.Testing;
using static CivicGrid.Domain.Tests.Calendar.TestCalendar;

namespace CivicGrid.Domain.Tests.Calendar;

public class DeadlineClockTests
{
    [Fact]
    public void WithoutPauses_TheDeadlineIsTheCalculatorsDeadline()
    {
        var time = new FakeTimeProvider(At("2024-11-08 19:00"));
        var clock = new DeadlineClock(time.GetUtcNow(), TimeLimit.WorkHours(2), WorkCalendar);
        time.SetUtcNow(At("2024-11-11 09:00"));

        Assert.Equal(At("2024-11-11 10:30"), clock.Deadline(time.GetUtcNow()));
        Assert.Equal(TimeSpan.FromMinutes(30), clock.Used(time.GetUtcNow()));
        Assert.Equal(TimeSpan.FromMinutes(90), clock.Remaining(time.GetUtcNow()));
        Assert.Equal(TimeSpan.FromHours(2), clock.Allowed);
        Assert.False(clock.IsPaused);
        Assert.Empty(clock.Pauses);
    }

    [Fact]
    public void WorkHour_OnePause_PushesTheDeadlineBackByThePausedWorkingTime()
    {
        var time = new FakeTimeProvider(At("2024-11-04 10:00"));
        var clock = new DeadlineClock(time.GetUtcNow(), TimeLimit.WorkHours(2), WorkCalendar);
        time.SetUtcNow(At("2024-11-04 11:00"));
        clock.Pause(time.GetUtcNow());
        time.SetUtcNow(At("2024-11-04 15:00"));
        clock.Resume(time.GetUtcNow());
        time.SetUtcNow(At("2024-11-04 15:30"));

        // Used: 10–11 (1 h) + 15–15:30 (0.5 h); remaining 1 h after the 15:00 resume.
        Assert.Equal(TimeSpan.FromMinutes(90), clock.Used(time.GetUtcNow()));
        Assert.Equal(At("2024-11-04 16:00"), clock.Deadline(time.GetUtcNow()));
        Assert.Equal(0.75, clock.UsedFraction(time.GetUtcNow()));
        Assert.Equal(DeadlineLight.Green, clock.Light(time.GetUtcNow()));
    }

    [Fact]
    public void UrgentHour_SeveralPauses_AreAllExcluded()
    {
        var time = new FakeTimeProvider(At("2024-11-04 10:00"));
        var clock = new DeadlineClock(time.GetUtcNow(), TimeLimit.UrgentHours(2), WorkCalendar);
        clock.Pause(At("2024-11-04 10:30"));
        clock.Resume(At("2024-11-04 11:00"));
        clock.Pause(At("2024-11-04 11:30"));
        clock.Resume(At("2024-11-04 13:00"));
        time.SetUtcNow(At("2024-11-04 13:15"));

        // Ran 10:00–10:30, 11:00–11:30, 13:00–13:15 = 75 min; 60 min left after 13:00.
        Assert.Equal(TimeSpan.FromMinutes(75), clock.Used(time.GetUtcNow()));
        Assert.Equal(TimeSpan.FromMinutes(45), clock.Remaining(time.GetUtcNow()));
        Assert.Equal(At("2024-11-04 14:00"), clock.Deadline(time.GetUtcNow()));
        Assert.Equal(2, clock.Pauses.Count);
    }

    [Fact]
    public void PausedAtNow_FreezesUsageAndMovesTheDeadlineWithNow()
    {
        var time = new FakeTimeProvider(At("2024-11-04 10:00"));
        var clock = new DeadlineClock(time.GetUtcNow(), TimeLimit.WorkHours(2), WorkCalendar);
        time.SetUtcNow(At("2024-11-04 11:00"));
        clock.Pause(time.GetUtcNow());

        time.SetUtcNow(At("2024-11-05 10:00"));
        Assert.True(clock.IsPaused);
        Assert.Equal(TimeSpan.FromHours(1), clock.Used(time.GetUtcNow()));
        Assert.Equal(At("2024-11-05 11:00"), clock.Deadline(time.GetUtcNow())); // as if resumed now: 1 h left

        time.SetUtcNow(At("2024-11-06 10:00"));
        Assert.Equal(TimeSpan.FromHours(1), clock.Used(time.GetUtcNow()));
        Assert.Equal(At("2024-11-06 11:00"), clock.Deadline(time.GetUtcNow()));
        Assert.Equal(DeadlineLight.Green, clock.Light(time.GetUtcNow()));
        Assert.Equal((At("2024-11-04 11:00"), (DateTimeOffset?)null), clock.Pauses[0]);
    }

    [Fact]
    public void PausedOutsideWorkingTime_WorkDeadlineStartsAtTheNextWorkingStartAfterNow()
    {
        var clock = new DeadlineClock(At("2024-11-04 10:00"), TimeLimit.WorkHours(2), WorkCalendar);
        clock.Pause(At("2024-11-04 11:00"));

        // Read on Saturday while still paused: as if resumed now, so 1 h from Monday 08:30.
        Assert.Equal(At("2024-11-11 09:30"), clock.Deadline(At("2024-11-09 10:00")));
    }

    [Fact]
    public void WorkDay_PauseOverTheWeekend_OnlyRemovesWorkingTime()
    {
        var clock = new DeadlineClock(At("2024-11-08 10:00"), TimeLimit.WorkDays(1), WorkCalendar);
        clock.Pause(At("2024-11-08 17:00"));
        clock.Resume(At("2024-11-11 09:00"));

        // Ran Fri 10–12, 14:30–17 (4.5 h) and Mon 09–10 (1 h); 2.5 h left after Mon 09:00 → used up 11:30, due at 18:00.
        Assert.Equal(TimeSpan.FromHours(5.5), clock.Used(At("2024-11-11 10:00")));
        Assert.Equal(At("2024-11-11 18:00"), clock.Deadline(At("2024-11-11 10:00")));
        Assert.False(clock.IsOverdue(At("2024-11-11 18:00")));
        Assert.Equal(DeadlineLight.Yellow, clock.Light(At("2024-11-11 18:00")));
        Assert.True(clock.IsOverdue(At("2024-11-11 18:00:01")));
        Assert.Equal(DeadlineLight.Red, clock.Light(At("2024-11-11 18:00:01")));
    }

    [Fact]
    public void NaturalDay_PauseOverTheWeekend_RemovesTheWholeWeekend()
    {
        var clock = new DeadlineClock(At("2024-11-08 10:00"), TimeLimit.NaturalDays(2), WorkCalendar);
        clock.Pause(At("2024-11-08 17:00"));
        clock.Resume(At("2024-11-11 09:00"));

        // Ran Fri 10–17 (7 h) and Mon 09–10 (1 h); 41 h left after Mon 09:00 → Wed 02:00.
        Assert.Equal(TimeSpan.FromHours(8), clock.Used(At("2024-11-11 10:00")));
        Assert.Equal(At("2024-11-13 02:00"), clock.Deadline(At("2024-11-11 10:00")));
    }

    [Fact]
    public void WorkHour_PauseOverTheWeekend_CostsOnlyTheWorkingTimeInside()
    {
        var clock = new DeadlineClock(At("2024-11-08 16:00"), TimeLimit.WorkHours(4), WorkCalendar);
        clock.Pause(At("2024-11-08 17:00"));
        clock.Resume(At("2024-11-11 09:00"));

        // 1 h used on Friday; 3 h from Mon 09:00 → 12:00 (without the pause: Mon 10:30).
        Assert.Equal(At("2024-11-11 12:00"), clock.Deadline(At("2024-11-11 09:00")));
    }

    [Fact]
    public void OverdueBeforeAPause_KeepsTheOriginalDeadlineAndStaysRed()
    {
        var clock = new DeadlineClock(At("2024-11-04 10:00"), TimeLimit.UrgentMinutes(15), WorkCalendar);
        clock.Pause(At("2024-11-04 10:30"));
        clock.Resume(At("2024-11-04 11:00"));
        var now = At("2024-11-04 11:00");

        Assert.Equal(At("2024-11-04 10:15"), clock.Deadline(now));
        Assert.True(clock.IsOverdue(now));
        Assert.Equal(TimeSpan.FromMinutes(-15), clock.Remaining(now));
        Assert.Equal(DeadlineLight.Red, clock.Light(now));
    }

    [Fact]
    public void WorkDay_AllowanceUsedUpExactlyAtAPauseBeforeClose_IsDueAtTheCloseOfTheDayTheClockRunsAgain()
    {
        var clock = new DeadlineClock(At("2024-11-04 10:00"), TimeLimit.WorkDays(1), WorkCalendar);
        clock.Pause(At("2024-11-05 10:00"));
        clock.Resume(At("2024-11-07 09:00"));

        Assert.Equal(At("2024-11-07 18:00"), clock.Deadline(At("2024-11-07 09:00")));
        Assert.False(clock.IsOverdue(At("2024-11-07 18:00")));
        Assert.True(clock.IsOverdue(At("2024-11-07 18:00:01")));
    }

    [Fact]
    public void WorkDay_PausedAfterTheAllowanceRanOutButBeforeClose_IsDueAtTheCloseOfTheResumeDay()
    {
        var clock = new DeadlineClock(At("2024-11-04 10:00"), TimeLimit.WorkDays(1), WorkCalendar);
        clock.Pause(At("2024-11-05 15:00"));
        clock.Resume(At("2024-11-07 19:00")); // after hours: the clock runs again on Friday

        Assert.Equal(At("2024-11-08 18:00"), clock.Deadline(At("2024-11-07 19:00")));
        // While still paused, as if resumed now: due at the close of the working day now lands on.
        Assert.Equal(At("2024-11-06 18:00"), clock.Deadline(At("2024-11-06 11:00")));
        Assert.Equal(DeadlineLight.Yellow, clock.Light(At("2024-11-06 11:00")));
    }

    [Fact]
    public void WorkDay_AllowanceUsedUpExactlyAtClosingWhenAPauseStarts_IsDueThenAndOverdueAfterTheResume()
    {
        var clock = new DeadlineClock(At("2024-11-04 08:30"), TimeLimit.WorkDays(1), WorkCalendar);
        clock.Pause(At("2024-11-04 18:00"));
        clock.Resume(At("2024-11-05 09:00"));

        Assert.Equal(At("2024-11-04 18:00"), clock.Deadline(At("2024-11-05 09:00")));
        Assert.True(clock.IsOverdue(At("2024-11-05 09:00")));
        Assert.Equal(DeadlineLight.Red, clock.Light(At("2024-11-05 09:00")));
    }

    [Fact]
    public void ReadingBeforeARecordedPause_IgnoresThatPause()
    {
        var clock = new DeadlineClock(At("2024-11-04 10:00"), TimeLimit.WorkHours(2), WorkCalendar);
        clock.Pause(At("2024-11-04 11:00"));
        clock.Resume(At("2024-11-04 15:00"));

        Assert.Equal(TimeSpan.FromMinutes(30), clock.Used(At("2024-11-04 10:30")));
        Assert.Equal(At("2024-11-04 12:00"), clock.Deadline(At("2024-11-04 10:30")));
        // During the recorded pause the reading is as if still paused at that moment.
        Assert.Equal(TimeSpan.FromHours(1), clock.Used(At("2024-11-04 14:45")));
        Assert.Equal(At("2024-11-04 15:45"), clock.Deadline(At("2024-11-04 14:45")));
    }

    [Fact]
    public void Light_PassesItsBoundariesAtEightyAndOneHundredPercent()
    {
        var clock = new DeadlineClock(At("2024-11-04 10:00"), TimeLimit.WorkHours(2), WorkCalendar);

        Assert.Equal(DeadlineLight.Green, clock.Light(At("2024-11-04 11:35"))); // 95/120 = 0.79
        Assert.Equal(DeadlineLight.Yellow, clock.Light(At("2024-11-04 11:36"))); // 96/120 = 0.8
        Assert.Equal(DeadlineLight.Yellow, clock.Light(At("2024-11-04 12:00"))); // 1.0 at the deadline
        Assert.Equal(DeadlineLight.Yellow, clock.Light(At("2024-11-04 13:00"))); // lunch: no working time used
        Assert.False(clock.IsOverdue(At("2024-11-04 13:00")));
        Assert.Equal(DeadlineLight.Red, clock.Light(At("2024-11-04 14:30:01"))); // one second over
        Assert.True(clock.IsOverdue(At("2024-11-04 14:30:01")));
    }
}
