namespace CivicGrid.Domain.Calendar;

/// <summary>
/// One working period of a working day (上班时段), e.g. 08:30–12:00. Half-open: <see cref="Start"/> is working
/// time, <see cref="End"/> is not.
/// </summary>
public readonly record struct WorkingPeriod
{
    /// <summary>Creates a working period.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="end"/> is not after <paramref name="start"/>.</exception>
    public WorkingPeriod(TimeOnly start, TimeOnly end)
    {
        if (end <= start)
        {
            throw new ArgumentOutOfRangeException(
                nameof(end), end, $"A working period must end after it starts ({start:HH\\:mm}).");
        }

        Start = start;
        End = end;
    }

    /// <summary>Local wall-clock start (inclusive).</summary>
    public TimeOnly Start { get; }

    /// <summary>Local wall-clock end (exclusive).</summary>
    public TimeOnly End { get; }

    /// <summary>Length of the period.</summary>
    public TimeSpan Duration => End - Start;

    /// <summary>True if the wall-clock time lies in the period.</summary>
    public bool Contains(TimeOnly time) => time >= Start && time < End;

    /// <summary>"08:30–12:00".</summary>
    public override string ToString() => $"{Start:HH\\:mm}–{End:HH\\:mm}";
}
