using CivicGrid.Server.Seeding;

namespace CivicGrid.Server.Tests.Cases;

/// <summary>Report bodies for the case API.</summary>
public static class Reports
{
    /// <summary>A report at the demo city's centre (the demo inspector's patrol area, 龙华区) unless a position is given.</summary>
    public static object At(string type = "06010", double? lon = null, double? lat = null, string description = "人行道上堆放暴露垃圾", string? channel = null) => new
    {
        channel, description, kind = "matter", typeCode = type,
        longitude = lon ?? DemoCity.CentrePoint.Longitude, latitude = lat ?? DemoCity.CentrePoint.Latitude,
        reporterName = "市民李先生", reporterPhone = "13800138000",
    };
}
