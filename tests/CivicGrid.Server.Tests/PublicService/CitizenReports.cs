using CivicGrid.Server.Seeding;

namespace CivicGrid.Server.Tests.PublicService;

/// <summary>Public report bodies; each test uses its own spot (≥ 70 m apart) so that reports are not linked as duplicates.</summary>
public static class CitizenReports
{
    public static object At(int spot, string type = "06010", string description = "路边堆放垃圾无人清理", object? contact = null,
        bool anonymous = false, IEnumerable<string>? photos = null, double? lon = null, double? lat = null) => new
    {
        longitude = lon ?? DemoCity.CentrePoint.Longitude + 0.0008 * spot,
        latitude = lat ?? DemoCity.CentrePoint.Latitude + 0.0007 * (spot % 3),
        kind = "matter", typeCode = type, description, contact, anonymous, photos = photos?.ToArray(),
    };

    public static object Contact => new { name = "张女士", phone = "13912345678", email = "zhang@example.cn" };
}
