namespace CivicGrid.Domain.Calendar;

/// <summary>
/// The running clock of one time limit on a case, which stops while the case is suspended (挂账) and runs again when
/// it is resumed (恢复). All readings take an explicit <c>now</c> (from a <see cref="TimeProvider"/>) and are in the
/// limit's own measure (continuous time for urgent/natural types, working time for work types).
/// </summary>
/// <remarks>
/// Persist <see cref="Start"/>, <see cref="Limit"/> and <see cref="Pauses"/>; rebuild with the constructor that takes
/// the pauses. A reading at a <c>now</c> earlier than some recorded pause ignores the part of the pause after
/// <c>now</c>, so past states can be reproduced.
/// </remarks>
public sealed partial class DeadlineClock
{
    private readonly List<(DateTimeOffset From, DateTimeOffset? To)> _pauses = [];
    private readonly DeadlineCalculator _calculator;

    /// <summary>Starts a clock with no pauses.</summary>
    public DeadlineClock(DateTimeOffset start, TimeLimit limit, WorkingCalendar calendar)
        : this(start, limit, calendar, [])
    {
    }

    /// <summary>Rebuilds a clock from stored data; the pauses are replayed through <see cref="Pause"/> and <see cref="Resume"/>.</summary>
    /// <param name="start">When the clock started.</param>
    /// <param name="limit">The time limit.</param>
    /// <param name="calendar">The working calendar.</param>
    /// <param name="pauses">Pauses in order; only the last may be open (<c>To</c> null).</param>
    /// <exception cref="InvalidOperationException">The pauses are out of order, overlap, start before the clock, or a non-last pause is open.</exception>
    public DeadlineClock(
        DateTimeOffset start,
        TimeLimit limit,
        WorkingCalendar calendar,
        IEnumerable<(DateTimeOffset From, DateTimeOffset? To)> pauses)
    {
        ArgumentNullException.ThrowIfNull(pauses);
        _calculator = new DeadlineCalculator(calendar);
        Start = start;
        Limit = limit;
        Allowed = _calculator.Allowed(limit);
        foreach (var (from, to) in pauses)
        {
            Pause(from);
            if (to is { } resumedAt)
            {
                Resume(resumedAt);
            }
        }
    }

    /// <summary>When the clock started (e.g. when the case was dispatched).</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The time limit being counted.</summary>
    public TimeLimit Limit { get; }

    /// <summary>The working calendar.</summary>
    public WorkingCalendar Calendar => _calculator.Calendar;

    /// <summary>The allowance in the limit's measure.</summary>
    public TimeSpan Allowed { get; }

    /// <summary>The pauses so far, in order; the last one has no <c>To</c> while the clock is paused.</summary>
    public IReadOnlyList<(DateTimeOffset From, DateTimeOffset? To)> Pauses => _pauses.AsReadOnly();

    /// <summary>True between <see cref="Pause"/> and <see cref="Resume"/>.</summary>
    public bool IsPaused => _pauses.Count > 0 && _pauses[^1].To is null;

    /// <summary>Stops the clock (挂账).</summary>
    /// <exception cref="InvalidOperationException">Already paused, or <paramref name="at"/> is before the start or the last resume.</exception>
    public void Pause(DateTimeOffset at)
    {
        if (IsPaused)
        {
            throw new InvalidOperationException($"The clock is already paused since {_pauses[^1].From:O}; resume it first.");
        }

        var latest = _pauses.Count == 0 ? Start : _pauses[^1].To!.Value;
        if (at < latest)
        {
            throw new InvalidOperationException(
                $"Cannot pause at {at:O}: it is before the clock's last event at {latest:O}; time cannot go back.");
        }

        _pauses.Add((at, null));
    }

    /// <summary>Restarts the clock (恢复).</summary>
    /// <exception cref="InvalidOperationException">Not paused, or <paramref name="at"/> is before the pause.</exception>
    public void Resume(DateTimeOffset at)
    {
        if (!IsPaused)
        {
            throw new InvalidOperationException("Cannot resume: the clock is not paused.");
        }

        var pausedAt = _pauses[^1].From;
        if (at < pausedAt)
        {
            throw new InvalidOperationException(
                $"Cannot resume at {at:O}: the clock was paused at {pausedAt:O}; time cannot go back.");
        }

        _pauses[^1] = (pausedAt, at);
    }

    /// <summary>The time used up to <paramref name="now"/>, excluding paused intervals.</summary>
    public TimeSpan Used(DateTimeOffset now) => RunningSegments(now)
        .Aggregate(TimeSpan.Zero, (sum, s) => sum + _calculator.Measure(Limit.Type, s.From, s.To ?? now));

    /// <summary>Used ÷ allowed.</summary>
    public double UsedFraction(DateTimeOffset now) => (double)Used(now).Ticks / Allowed.Ticks;

    /// <summary>Allowed − used; negative when overdue.</summary>
    public TimeSpan Remaining(DateTimeOffset now) => Allowed - Used(now);

    /// <summary>True when more than the allowance is used (the light is red). Using exactly all of it is on time.
    /// A work-day limit is overdue once <paramref name="now"/> is past its deadline (close of business).</summary>
    public bool IsOverdue(DateTimeOffset now) =>
        Limit.Type == TimeType.WorkDay ? now > Deadline(now) : Used(now) > Allowed;

    /// <summary>The deadline light at <paramref name="now"/>: red when overdue, otherwise by the used fraction.</summary>
    public DeadlineLight Light(DateTimeOffset now) =>
        IsOverdue(now) ? DeadlineLight.Red : DeadlineLights.For(Math.Min(UsedFraction(now), 1.0));

    /// <summary>
    /// The due instant as known at <paramref name="now"/>: the allowance is spent over the running intervals, so each
    /// past pause pushes the deadline back. While paused, the deadline is computed as if resumed at <paramref name="now"/>
    /// (it moves forward as the pause lasts). Per type, the same rules as <see cref="DeadlineCalculator.Deadline"/>.
    /// Always has a value; if the allowance ran out before a pause, that earlier instant is returned. A work-day limit
    /// ends at close of business of the day its allowance runs out on (see <see cref="WorkDayDeadline"/>).
    /// </summary>
    public DateTimeOffset? Deadline(DateTimeOffset now) =>
        Limit.Type == TimeType.WorkDay ? WorkDayDeadline(now) : WhenUsed(Allowed, now);

    /// <summary>The instant at which <paramref name="amount"/> of the allowance will have been used, as known at
    /// <paramref name="now"/> (past pauses push it back; a pause still going on counts as resumed at now). With
    /// 80 % of <see cref="Allowed"/> it is when the light turns yellow. An amount that exactly fills a running interval
    /// ends at that interval's end.</summary>
    public DateTimeOffset WhenUsed(TimeSpan amount, DateTimeOffset now)
    {
        var remaining = amount;
        foreach (var (from, to) in RunningSegments(now))
        {
            if (to is not { } end)
            {
                return _calculator.Advance(Limit.Type, from, remaining);
            }

            var length = _calculator.Measure(Limit.Type, from, end);
            if (remaining <= length)
            {
                return _calculator.Advance(Limit.Type, from, remaining);
            }

            remaining -= length;
        }

        throw new InvalidOperationException("Unreachable: the last running interval is open.");
    }

    /// <summary>
    /// The intervals during which the clock ran, as seen at <paramref name="now"/>; the last one is open (To null).
    /// Pauses not begun by <paramref name="now"/> are ignored; one still going on at <paramref name="now"/> is treated as
    /// resumed at <paramref name="now"/>.
    /// </summary>
    private IEnumerable<(DateTimeOffset From, DateTimeOffset? To)> RunningSegments(DateTimeOffset now)
    {
        var from = Start;
        foreach (var (pausedAt, resumedAt) in _pauses)
        {
            if (pausedAt >= now)
            {
                break;
            }

            yield return (from, pausedAt);
            from = resumedAt is { } r && r < now ? r : now;
        }

        yield return (from, null);
    }
}
