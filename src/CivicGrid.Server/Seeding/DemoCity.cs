using CivicGrid.Domain.Geography;

namespace CivicGrid.Server.Seeding;

/// <summary>Fixed facts of the Haikou-like demo city: its code, its four real districts and two reference points
/// that tests and docs rely on.</summary>
public static class DemoCity
{
    public const string CityCode = "460100";
    public const string Name = "海口市";
    public const string NameEn = "Haikou";
    public const string CaseNumberPrefix = "HK";

    /// <summary>A point in the sea north of the coastline (≈ 20.06° N): outside every grid and community at every scale.</summary>
    public static readonly GeoPoint SeaPoint = new(110.30, 20.20);

    /// <summary>A WGS-84 point in the old town of 龙华区, always inside a built-up unit grid at every scale.</summary>
    public static readonly GeoPoint CentrePoint = new(110.33, 20.02);

    /// <summary>The four districts in code order: 秀英 (west), 龙华 (centre), 琼山 (south-east), 美兰 (north-east).</summary>
    internal static IReadOnlyList<DemoDistrict> Districts { get; } =
    [
        new(0, "460105", "秀英区", "Xiuying District", "秀英"),
        new(1, "460106", "龙华区", "Longhua District", "龙华"),
        new(2, "460107", "琼山区", "Qiongshan District", "琼山"),
        new(3, "460108", "美兰区", "Meilan District", "美兰"),
    ];
}

/// <summary>One real district of Haikou; <paramref name="Index"/> is its position in <see cref="DemoCity.Districts"/>.</summary>
internal sealed record DemoDistrict(int Index, string Code, string Name, string NameEn, string ShortName);
