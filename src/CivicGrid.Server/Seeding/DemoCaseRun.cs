using CivicGrid.Domain.Cases;

namespace CivicGrid.Server.Seeding;

/// <summary>Who is at work when, besides the command centre (intake, registration, dispatch, closing), which is staffed
/// around the clock in shifts (值班), and the departments, whose working-hour and working-day limits follow the working
/// calendar through the deadline clock itself: inspectors patrol from early morning to the night markets' close,
/// leaders keep office hours.</summary>
internal enum DemoShift { Street, Office }

/// <summary>One demo case moving through the domain: each step is <see cref="Case.Apply"/> at a later instant, never
/// after the seeder's now; a stage that ran past its deadline gets its overdue alert (as the deadline job would have
/// raised it, within a minute) before the next step.</summary>
internal sealed class DemoCaseRun
{
    private readonly WorkflowContext _context;
    private readonly DateTimeOffset _now;
    private readonly CaseStatus? _haltAt;
    private readonly Random _random;
    private bool _reachedNow;

    public DemoCaseRun(Case @case, CaseHistoryEntry report, WorkflowContext context, DateTimeOffset now, CaseStatus? haltAt, Random random)
    {
        (Case, _context, _now, _haltAt, _random) = (@case, context, now, haltAt, random);
        Entries.Add(report);
        Time = report.At;
        Halted = @case.Status == haltAt;
    }

    public Case Case { get; }
    public List<CaseHistoryEntry> Entries { get; } = [];
    public List<CaseAlert> Alerts { get; } = [];

    /// <summary>The instant of the latest step.</summary>
    public DateTimeOffset Time { get; private set; }

    /// <summary>The story has stopped: it reached the seeder's now, or the status it stalls at.</summary>
    public bool Halted { get; private set; }

    /// <summary>Takes the step at <paramref name="at"/> (at least a few seconds after the previous one); false, and
    /// nothing done, once the story has stopped or when <paramref name="at"/> lies after now.</summary>
    /// <param name="whileStalled">Also when the story stalled (a supervision order on a stuck case), not when it reached now.</param>
    public bool Do(CaseCommand command, Actor actor, DateTimeOffset at, bool whileStalled = false)
    {
        if (_reachedNow || (Halted && !whileStalled)) return false;
        at = Later(at, Time.AddSeconds(5 + _random.Next(40)));
        if (at > _now)
        {
            (_reachedNow, Halted) = (true, true);
            return false;
        }

        RaiseOverdueBefore(at);
        Entries.Add(Case.Apply(command, actor, at, _context));
        Time = at;
        Halted |= Case.Status == _haltAt;
        return true;
    }

    /// <summary>When <paramref name="fraction"/> of the current stage's allowance will have been used (1 = the deadline).</summary>
    public DateTimeOffset Within(double fraction)
    {
        var clock = Case.StageClock(_context.Calendar)!;
        return Whole(clock.WhenUsed(clock.Allowed * fraction, Time));
    }

    /// <summary>When the given amount of the current stage's allowance will have been used (working time for the work types).</summary>
    public DateTimeOffset WithinUsed(TimeSpan amount) => Whole(Case.StageClock(_context.Calendar)!.WhenUsed(amount, Time));

    /// <summary>The instant, or when the shift next starts (plus a few minutes) if nobody of it is at work then.</summary>
    public DateTimeOffset OnDuty(DateTimeOffset at, DemoShift shift)
    {
        var (start, end) = shift switch
        {
            DemoShift.Street => (new TimeOnly(7, 0), new TimeOnly(22, 0)),
            _ => (new TimeOnly(8, 0), new TimeOnly(18, 0)),
        };
        var local = TimeZoneInfo.ConvertTime(at, _context.Calendar.Zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (time >= start && time < end) return at;
        var day = DateOnly.FromDateTime(local.DateTime).AddDays(time >= end ? 1 : 0);
        var opening = day.ToDateTime(start).AddMinutes(3 + _random.Next(25)).AddSeconds(_random.Next(60));
        return new DateTimeOffset(opening, _context.Calendar.Zone.GetUtcOffset(opening)).ToUniversalTime();
    }

    /// <summary>Ends the story: an open stage already past its deadline gets its alert, as the deadline job would have
    /// raised it within a minute of the deadline (unless that minute has not come yet).</summary>
    public void Finish() => RaiseOverdueBefore(_now.AddTicks(1));

    private void RaiseOverdueBefore(DateTimeOffset next)
    {
        if (Case.StageOverdueAlerted || Case.StageDueAt is not { } due || due >= next) return;
        var at = due.AddSeconds(1 + _random.Next(55));
        if (at >= next || at > _now) return;
        if (Case.RaiseOverdue(at) is not { } overdue) return;
        Entries.Add(overdue.Entry);
        Alerts.Add(overdue.Alert);
        Time = at;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Whole(DateTimeOffset instant) =>
        DateTimeOffset.FromUnixTimeSeconds((instant.ToUnixTimeMilliseconds() + 999) / 1000);
}
