namespace CivicGrid.Domain.Cases;

/// <summary>The last case number given out on one local day of a city: numbers are prefix + yyyyMMdd + a 5-digit
/// daily sequence (HK2026112600001), so they are readable, unique and sort by creation.</summary>
public sealed class CaseNumberCounter
{
    public required string CityCode { get; set; }
    public DateOnly Day { get; set; }
    public int Last { get; set; }

    public static string Format(string prefix, DateOnly day, int sequence) =>
        $"{prefix}{day:yyyyMMdd}{sequence:D5}";
}
