using System.Globalization;

namespace CivicGrid.Server.Tests.Map;

/// <summary>Query-string pieces for the map API.</summary>
public static class Viewports
{
    public static string Bbox(double minLon, double minLat, double maxLon, double maxLat) =>
        string.Create(CultureInfo.InvariantCulture, $"{minLon},{minLat},{maxLon},{maxLat}");
}
