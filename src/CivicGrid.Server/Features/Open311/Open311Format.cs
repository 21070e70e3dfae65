namespace CivicGrid.Server.Features.Open311;

/// <summary>The two formats of GeoReport v2, chosen by the resource's suffix (requests.json, requests.xml).</summary>
public enum Open311Format
{
    Json,
    Xml,
}

public static class Open311Formats
{
    public static bool TryParse(string? suffix, out Open311Format format)
    {
        format = Open311Format.Json;
        if (string.Equals(suffix, "json", StringComparison.OrdinalIgnoreCase)) return true;
        if (!string.Equals(suffix, "xml", StringComparison.OrdinalIgnoreCase)) return false;
        format = Open311Format.Xml;
        return true;
    }

    public static string ContentType(this Open311Format format) =>
        format == Open311Format.Xml ? "text/xml; charset=utf-8" : "application/json; charset=utf-8";
}
