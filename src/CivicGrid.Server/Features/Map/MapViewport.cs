using System.Globalization;
using CivicGrid.Server.Platform.Errors;

namespace CivicGrid.Server.Features.Map;

/// <summary>A WGS-84 viewport (bbox=minLon,minLat,maxLon,maxLat, the order of GeoJSON and of Leaflet's
/// <c>getBounds().toBBoxString()</c>) and the map's zoom level. Parsing collects one message per bad field, so that the
/// answer is a ProblemDetails naming the field, never a 500.</summary>
public readonly record struct MapViewport(double MinLongitude, double MinLatitude, double MaxLongitude, double MaxLatitude)
{
    public const int MaxZoom = 22;

    public bool Contains(double longitude, double latitude) =>
        longitude >= MinLongitude && longitude <= MaxLongitude && latitude >= MinLatitude && latitude <= MaxLatitude;

    /// <summary>Parses a required bbox; adds a message under "bbox" when it is missing, malformed, inverted or out of range.</summary>
    public static MapViewport? Parse(string? text, FieldErrors errors)
    {
        const string Field = "bbox";
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(Field, "bbox is required: minLon,minLat,maxLon,maxLat in WGS-84 degrees.");
            return null;
        }
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[4];
        if (parts.Length != 4 || !parts.Select((p, i) => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i])
                && double.IsFinite(values[i])).All(ok => ok))
        {
            errors.Add(Field, "bbox must be four decimal numbers: minLon,minLat,maxLon,maxLat.");
            return null;
        }
        var (minLon, minLat, maxLon, maxLat) = (values[0], values[1], values[2], values[3]);
        if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90)
        {
            errors.Add(Field, "bbox is out of range: longitudes must lie within -180..180 and latitudes within -90..90.");
            return null;
        }
        if (minLon > maxLon || minLat > maxLat)
        {
            errors.Add(Field, "bbox is inverted: it must be minLon,minLat,maxLon,maxLat with min ≤ max.");
            return null;
        }
        return new MapViewport(minLon, minLat, maxLon, maxLat);
    }

    /// <summary>Parses an optional zoom (0–22, whole or fractional as Leaflet sends it, rounded down); null when absent.</summary>
    public static int? ParseZoom(string? text, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var zoom) || !double.IsFinite(zoom)
            || zoom < 0 || zoom > MaxZoom)
        {
            errors.Add("zoom", $"zoom must be a number from 0 to {MaxZoom}.");
            return null;
        }
        return (int)Math.Floor(zoom);
    }

    /// <summary>Parses an optional comma-separated list of catalogue type codes (5 digits each); null when absent.</summary>
    public static IReadOnlySet<string>? ParseTypes(string? text, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var codes = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var bad = codes.FirstOrDefault(c => c.Length != 5 || !c.All(char.IsAsciiDigit));
        if (bad is not null || codes.Count == 0)
        {
            errors.Add("types", $"types must be a comma-separated list of 5-digit catalogue type codes (got '{bad ?? text}').");
            return null;
        }
        return codes;
    }
}
