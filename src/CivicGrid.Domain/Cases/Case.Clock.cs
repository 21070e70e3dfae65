using System.Globalization;
using CivicGrid.Domain.Calendar;

namespace CivicGrid.Domain.Cases;

public sealed partial class Case
{
    private void MoveTo(CaseStatus status, DateTimeOffset now, TimeLimit limit, WorkflowContext context)
    {
        Status = status;
        StartStage(now, limit, context.Calendar);
    }

    private void StartStage(DateTimeOffset now, TimeLimit limit, WorkingCalendar calendar)
    {
        (StageStartedAt, StageTimeType, StageLimitAmount, StagePauses, StageOverdueAlerted, FrozenLight) =
            (now, limit.Type, limit.Amount, null, false, null);
        RecomputeDeadline(now, calendar);
    }

    private void Finish(CaseStatus status, DateTimeOffset now)
    {
        Status = status;
        (StageStartedAt, StageTimeType, StageLimitAmount, StagePauses, StageDueAt, StageYellowAt, FrozenLight) =
            (now, null, null, null, null, null, null);
        ClearRequest();
    }

    /// <summary>The current stage's clock, rebuilt from the stored start, limit and pauses.</summary>
    public DeadlineClock? StageClock(WorkingCalendar calendar) =>
        StageStartedAt is { } start && StageTimeType is { } type && StageLimitAmount is { } amount
            ? new DeadlineClock(start, new TimeLimit(type, amount), calendar, ParsePauses(StagePauses))
            : null;

    /// <summary>The current stage's limit, or null when no clock runs.</summary>
    public TimeLimit? StageLimit => StageTimeType is { } type && StageLimitAmount is { } amount ? new TimeLimit(type, amount) : null;

    /// <summary>True when the stage's deadline is counted in working time over dates the calendar does not cover
    /// (<see cref="WorkingCalendar.Covers(DateTimeOffset, DateTimeOffset)"/>), so it may be wrong.</summary>
    public bool DeadlineBeyondCalendar(WorkingCalendar calendar) =>
        StageTimeType is TimeType.WorkHour or TimeType.WorkDay && StageStartedAt is { } start && StageDueAt is { } due
        && !calendar.Covers(start, due);

    private void RecomputeDeadline(DateTimeOffset now, WorkingCalendar calendar)
    {
        var clock = StageClock(calendar)!;
        // Stored in UTC: the calendar answers in the city's offset, PostgreSQL's timestamptz takes UTC only.
        StageDueAt = clock.Deadline(now)?.ToUniversalTime();
        StageYellowAt = clock.WhenUsed(clock.Allowed * 0.8, now).ToUniversalTime();
    }

    private void PauseClock(DateTimeOffset now, WorkingCalendar calendar)
    {
        var clock = StageClock(calendar)!;
        FrozenLight = clock.Light(now);
        clock.Pause(now);
        StagePauses = FormatPauses(clock.Pauses);
        (StageDueAt, StageYellowAt) = (null, null);
    }

    private void ResumeClock(DateTimeOffset now, WorkingCalendar calendar)
    {
        var clock = StageClock(calendar)!;
        clock.Resume(now);
        StagePauses = FormatPauses(clock.Pauses);
        FrozenLight = null;
        RecomputeDeadline(now, calendar);
    }

    private static string FormatPauses(IEnumerable<(DateTimeOffset From, DateTimeOffset? To)> pauses) =>
        string.Join(';', pauses.Select(p => $"{p.From.ToUnixTimeMilliseconds()}|{p.To?.ToUnixTimeMilliseconds()}"));

    private static IEnumerable<(DateTimeOffset From, DateTimeOffset? To)> ParsePauses(string? text) =>
        string.IsNullOrEmpty(text)
            ? []
            : text.Split(';').Select(p => p.Split('|')).Select(p => (
                DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(p[0], CultureInfo.InvariantCulture)),
                p[1].Length == 0 ? (DateTimeOffset?)null : DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(p[1], CultureInfo.InvariantCulture))));
}
