namespace CivicGrid.Domain.Geography;

/// <summary>Text codes for <see cref="CoordinateSystem"/>, as used in APIs and import files.</summary>
public static class CoordinateSystems
{
    private const string Expected = "A coordinate system is one of 'wgs84', 'cgcs2000', 'gcj02' or 'bd09'";

    /// <summary>
    /// Reads a coordinate-system code, ignoring case: "wgs84" and "cgcs2000" give <see cref="CoordinateSystem.Wgs84"/>,
    /// "gcj02" gives <see cref="CoordinateSystem.Gcj02"/>, "bd09" gives <see cref="CoordinateSystem.Bd09"/>.
    /// The hyphenated spellings "wgs-84", "gcj-02" and "bd-09" are accepted too. Never throws.
    /// </summary>
    public static bool TryParse(string? text, out CoordinateSystem system)
    {
        CoordinateSystem? found = text?.ToUpperInvariant() switch
        {
            "WGS84" or "WGS-84" or "CGCS2000" => CoordinateSystem.Wgs84,
            "GCJ02" or "GCJ-02" => CoordinateSystem.Gcj02,
            "BD09" or "BD-09" => CoordinateSystem.Bd09,
            _ => null,
        };
        system = found.GetValueOrDefault();
        return found.HasValue;
    }

    /// <summary>Reads a coordinate-system code like <see cref="TryParse"/>.</summary>
    /// <exception cref="FormatException">The text is not a known coordinate-system code.</exception>
    public static CoordinateSystem Parse(string text) =>
        TryParse(text, out var system) ? system : throw new FormatException($"{Expected}; got '{text}'.");

    /// <summary>The canonical lower-case code: "wgs84", "gcj02" or "bd09".</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined coordinate system.</exception>
    public static string ToCode(this CoordinateSystem system) => system switch
    {
        CoordinateSystem.Wgs84 => "wgs84",
        CoordinateSystem.Gcj02 => "gcj02",
        CoordinateSystem.Bd09 => "bd09",
        _ => throw new ArgumentOutOfRangeException(nameof(system), system, "Unknown coordinate system."),
    };
}
