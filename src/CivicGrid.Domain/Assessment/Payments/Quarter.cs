namespace CivicGrid.Domain.Assessment;

/// <summary>A calendar quarter, e.g. 2026-Q3; ordered by time.</summary>
public readonly record struct Quarter : IComparable<Quarter>
{
    /// <summary>Creates a quarter (number 1–4).</summary>
    public Quarter(int year, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 4);
        Year = year;
        Number = number;
    }

    public int Year { get; }
    public int Number { get; }

    /// <summary>True if the date falls in this quarter.</summary>
    public bool Contains(DateOnly date) => date.Year == Year && (date.Month + 2) / 3 == Number;

    /// <summary>The following quarter.</summary>
    public Quarter Next => Number == 4 ? new(Year + 1, 1) : new(Year, Number + 1);

    public int CompareTo(Quarter other) => (Year * 4 + Number).CompareTo(other.Year * 4 + other.Number);

    public static bool operator <(Quarter left, Quarter right) => left.CompareTo(right) < 0;
    public static bool operator >(Quarter left, Quarter right) => left.CompareTo(right) > 0;
    public static bool operator <=(Quarter left, Quarter right) => left.CompareTo(right) <= 0;
    public static bool operator >=(Quarter left, Quarter right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Year:D4}-Q{Number}";
}
