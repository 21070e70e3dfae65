using CivicGrid.Domain.Calendar;
using static CivicGrid.Domain.Tests.Calendar.TestCalendar;

namespace CivicGrid.Domain.Tests.Calendar;

public class DeadlineClockRestoreTests
{
    [Fact]
    public void Restore_FromStoredPauses_ReadsLikeTheOriginalClock()
    {
        (DateTimeOffset From, DateTimeOffset? To)[] stored =
        [
            (At("2024-11-04 11:00"), At("2024-11-04 15:00")),
            (At("2024-11-04 16:00"), null),
        ];

        var clock = new DeadlineClock(At("2024-11-04 10:00"), TimeLimit.WorkHours(3), WorkCalendar, stored);

        Assert.True(clock.IsPaused);
        Assert.Equal(stored, clock.Pauses);
        // Ran 10–11 and 15–16: 2 h used, 1 h left; read Tue 09:00 while paused → as if resumed then → 10:00.
        Assert.Equal(TimeSpan.FromHours(2), clock.Used(At("2024-11-05 09:00")));
        Assert.Equal(At("2024-11-05 10:00"), clock.Deadline(At("2024-11-05 09:00")));
    }

    [Fact]
    public void Restore_ThenResume_ContinuesTheClock()
    {
        var clock = new DeadlineClock(
            At("2024-11-04 10:00"), TimeLimit.UrgentHours(1), WorkCalendar, [(At("2024-11-04 10:30"), null)]);

        clock.Resume(At("2024-11-04 11:00"));

        Assert.False(clock.IsPaused);
        Assert.Equal(At("2024-11-04 11:30"), clock.Deadline(At("2024-11-04 11:00")));
    }

    [Fact]
    public void Restore_WithAnOpenPauseBeforeTheLast_Throws()
    {
        (DateTimeOffset From, DateTimeOffset? To)[] stored =
        [
            (At("2024-11-04 11:00"), null),
            (At("2024-11-04 12:00"), At("2024-11-04 13:00")),
        ];

        Assert.Throws<InvalidOperationException>(
            () => new DeadlineClock(At("2024-11-04 10:00"), TimeLimit.WorkHours(2), WorkCalendar, stored));
    }

    [Fact]
    public void Restore_WithAPauseEndingBeforeItStarts_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new DeadlineClock(
            At("2024-11-04 10:00"), TimeLimit.WorkHours(2), WorkCalendar, [(At("2024-11-04 11:00"), At("2024-11-04 10:30"))]));
    }

    [Fact]
    public void Restore_WithOverlappingPauses_Throws()
    {
        (DateTimeOffset From, DateTimeOffset? To)[] stored =
        [
            (At("2024-11-04 11:00"), At("2024-11-04 13:00")),
            (At("2024-11-04 12:00"), At("2024-11-04 14:00")),
        ];

        Assert.Throws<InvalidOperationException>(
            () => new DeadlineClock(At("2024-11-04 10:00"), TimeLimit.WorkHours(2), WorkCalendar, stored));
    }
}
