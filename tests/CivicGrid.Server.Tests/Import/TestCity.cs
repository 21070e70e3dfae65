using System.Globalization;
using System.Text.Json;

namespace CivicGrid.Server.Tests.Import;

/// <summary>A small piece of Haikou: 秀英区 460105 with one street and two communities side by side
/// (110.30–110.31 and 110.31–110.32 E, 20.00–20.02 N), each split into two unit grids (south and north).</summary>
public static class TestCity
{
    public const string SouthWestGrid = "46010500100101";
    public const string NorthWestGrid = "46010500100102";
    public const string SouthEastGrid = "46010500100201";
    public const string NorthEastGrid = "4601050010ABC2X";

    public static string Boundaries => Collection(
        Feature(Square(110.30, 20.00, 110.32, 20.02), new() { ["code"] = "460105", ["name"] = "秀英区", ["nameEn"] = "Xiuying", ["cityName"] = "海口市", ["cityNameEn"] = "Haikou", ["casePrefix"] = "HK" }),
        Feature(Square(110.30, 20.00, 110.32, 20.02), new() { ["code"] = "460105001", ["name"] = "秀英街道" }),
        Feature(Square(110.30, 20.00, 110.31, 20.02), new() { ["code"] = "460105001001", ["name"] = "秀海社区" }),
        Feature(Square(110.31, 20.00, 110.32, 20.02), new() { ["code"] = "460105001002", ["name"] = "向荣社区", ["nameEn"] = "Xiangrong" }));

    public static string Grids => Collection(
        Feature(Square(110.30, 20.00, 110.31, 20.01), new() { ["code"] = SouthWestGrid, ["responsibleParty"] = "秀海社区居委会", ["builtUp"] = true }),
        Feature(Square(110.30, 20.01, 110.31, 20.02), new() { ["code"] = NorthWestGrid, ["builtUp"] = false }),
        Feature(Square(110.31, 20.00, 110.32, 20.01), new() { ["code"] = SouthEastGrid, ["communityCode"] = "460105001002", ["builtUp"] = true }),
        Feature(Square(110.31, 20.01, 110.32, 20.02), new() { ["code"] = NorthEastGrid, ["communityCode"] = "460105001002" }));

    /// <summary>A FeatureCollection with one feature per line: feature n starts on line n + 1.</summary>
    public static string Collection(params string[] features) =>
        "{\"type\":\"FeatureCollection\",\"features\":[\n" + string.Join(",\n", features) + "\n]}\n";

    public static string Feature(string? geometry, Dictionary<string, object?> properties) =>
        $"{{\"type\":\"Feature\",\"geometry\":{geometry ?? "null"},\"properties\":{JsonSerializer.Serialize(properties)}}}";

    public static string Point(double longitude, double latitude) =>
        FormattableString.Invariant($"{{\"type\":\"Point\",\"coordinates\":[{longitude:R},{latitude:R}]}}");

    public static string Square(double west, double south, double east, double north) => string.Create(CultureInfo.InvariantCulture,
        $"{{\"type\":\"Polygon\",\"coordinates\":[[[{west},{south}],[{east},{south}],[{east},{north}],[{west},{north}],[{west},{south}]]]}}");

    /// <summary>A street lamp (01037) in the south-west grid.</summary>
    public static string Lamp(int serial, double longitude = 110.305, double latitude = 20.005, Dictionary<string, object?>? extra = null)
    {
        var properties = new Dictionary<string, object?> { ["id"] = $"46010501037{serial:D6}", ["type"] = "01037", ["name"] = $"路灯 {serial}" };
        foreach (var (key, value) in extra ?? []) properties[key] = value;
        return Feature(Point(longitude, latitude), properties);
    }

    public const string CsvHeader = "id,type,name,longitude,latitude,crs,status,grid,competent,owner,maintainer,source,note";
}
