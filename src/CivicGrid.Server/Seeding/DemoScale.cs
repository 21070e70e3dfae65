namespace CivicGrid.Server.Seeding;

/// <summary>small: for tests; city: about Haikou (≈ 20,000 grids, ≈ 300,000 components);
/// megacity: about Shanghai (≈ 40,000 grids, ≥ 10 M components), for benchmarks.</summary>
public enum DemoScale { Small, City, Megacity }

public static class DemoScales
{
    public static DemoScale Parse(string value) => value.ToLowerInvariant() switch
    {
        "small" => DemoScale.Small,
        "city" => DemoScale.City,
        "megacity" => DemoScale.Megacity,
        _ => throw new ArgumentException($"Demo:Scale must be small, city or megacity (got '{value}').", nameof(value)),
    };
}

/// <summary>What the demo seeding produced.</summary>
public sealed record DemoCityReport(string Password, IReadOnlyList<string> UserNames, int Grids, long Components, int Cases);
