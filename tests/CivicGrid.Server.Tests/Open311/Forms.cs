using CivicGrid.Server.Seeding;

namespace CivicGrid.Server.Tests.Open311;

/// <summary>Open311 form bodies.</summary>
public static class Forms
{
    /// <summary>A report at the demo city's centre latitude (type 06010 暴露垃圾 by default), at <paramref name="lon"/>.</summary>
    public static List<KeyValuePair<string, string>> Report(string serviceCode = "M06010", double? lon = null,
        string description = "人行道上堆放暴露垃圾", params (string Key, string Value)[] more)
    {
        var fields = ReportAt(DemoCity.CentrePoint.Latitude, lon ?? DemoCity.CentrePoint.Longitude, serviceCode, description);
        fields.AddRange(more.Select(m => new KeyValuePair<string, string>(m.Key, m.Value)));
        return fields;
    }

    public static List<KeyValuePair<string, string>> ReportAt(double lat, double lon, string serviceCode = "M06010", string description = "人行道上堆放暴露垃圾") =>
    [
        new("service_code", serviceCode),
        new("lat", lat.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("long", lon.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("description", description),
    ];
}
