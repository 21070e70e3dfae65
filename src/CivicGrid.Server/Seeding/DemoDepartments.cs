using CivicGrid.Data;
using CivicGrid.Domain.Organisation;

namespace CivicGrid.Server.Seeding;

/// <summary>The demo city's departments: city bureaus, utility companies, the four district governments and, under
/// each, its maintenance team, sanitation station, landscaping station and enforcement squad.</summary>
internal static class DemoDepartments
{
    public const string Municipal = "HK-SZ";
    public const string Landscaping = "HK-YL";
    public const string Sanitation = "HK-HW";
    public const string Enforcement = "HK-ZF";
    public const string CityPolice = "HK-GA";
    public const string TrafficPolice = "HK-JJ";
    public const string Transport = "HK-JT";
    public const string WaterSupply = "HK-GS";
    public const string Drainage = "HK-PS";
    public const string Power = "HK-GD";
    public const string Gas = "HK-RQ";
    public const string Telecom = "HK-TX";

    private const DepartmentKinds Utility = DepartmentKinds.Owner | DepartmentKinds.Maintainer | DepartmentKinds.HandlingUnit;

    private static readonly (string Code, string Name, string NameEn, DepartmentLevel Level, DepartmentKinds Kinds)[] CityWide =
    [
        (Municipal, "海口市市政管理局", "Haikou Municipal Administration Bureau", DepartmentLevel.CityBureau, DepartmentKinds.Competent | DepartmentKinds.Owner | DepartmentKinds.Maintainer | DepartmentKinds.HandlingUnit),
        (Landscaping, "海口市园林局", "Haikou Landscaping Bureau", DepartmentLevel.CityBureau, DepartmentKinds.Competent | DepartmentKinds.Owner | DepartmentKinds.HandlingUnit),
        (Sanitation, "海口市环卫局", "Haikou Sanitation Bureau", DepartmentLevel.CityBureau, DepartmentKinds.Competent | DepartmentKinds.Owner | DepartmentKinds.HandlingUnit),
        (Enforcement, "海口市综合行政执法局", "Haikou Comprehensive Administrative Law Enforcement Bureau", DepartmentLevel.CityBureau, DepartmentKinds.Competent | DepartmentKinds.HandlingUnit),
        (CityPolice, "海口市公安局城市警察支队", "Haikou Public Security Bureau City Police Detachment", DepartmentLevel.CityBureau, DepartmentKinds.HandlingUnit),
        (TrafficPolice, "海口市公安局交通警察支队", "Haikou Public Security Bureau Traffic Police Detachment", DepartmentLevel.CityBureau, DepartmentKinds.Competent | Utility),
        (Transport, "海口市交通运输和港航管理局", "Haikou Transport and Port Administration Bureau", DepartmentLevel.CityBureau, DepartmentKinds.Competent | Utility),
        (WaterSupply, "海口市供水公司", "Haikou Water Supply Company", DepartmentLevel.Company, Utility),
        (Drainage, "海口市排水公司", "Haikou Drainage Company", DepartmentLevel.Company, Utility),
        (Power, "海南电网海口供电局", "Haikou Power Supply Bureau (Hainan Power Grid)", DepartmentLevel.Company, Utility),
        (Gas, "海口市燃气公司", "Haikou Gas Company", DepartmentLevel.Company, Utility),
        (Telecom, "中国电信海口分公司", "China Telecom Haikou Branch (telecom operator)", DepartmentLevel.Company, Utility),
    ];

    /// <summary>Teams under every district government: code prefix (the city bureau's code), name and English name.</summary>
    private static readonly (string Prefix, string Name, string NameEn, DepartmentKinds Kinds)[] DistrictTeams =
    [
        (Municipal, "市政养护队", "municipal maintenance team", DepartmentKinds.Maintainer | DepartmentKinds.HandlingUnit),
        (Sanitation, "环卫所", "sanitation station", DepartmentKinds.Owner | DepartmentKinds.Maintainer | DepartmentKinds.HandlingUnit),
        (Landscaping, "园林所", "landscaping station", DepartmentKinds.Maintainer | DepartmentKinds.HandlingUnit),
        (Enforcement, "城管执法中队", "city-management enforcement squad", DepartmentKinds.HandlingUnit),
    ];

    /// <summary>The code of a district government, e.g. HK-QZF-460106.</summary>
    public static string DistrictGovernment(string districtCode) => "HK-QZF-" + districtCode;

    /// <summary>The code of a district team under a city bureau's code, e.g. HK-SZ-460106 (龙华区市政养护队).</summary>
    public static string DistrictTeam(string bureauCode, string districtCode) => bureauCode + "-" + districtCode;

    public static async Task<DemoDepartmentDirectory> CreateAsync(CivicGridDbContext db, CancellationToken cancellationToken)
    {
        var all = new List<Department>();
        var cityWide = CityWide.Select(d => New(d.Code, d.Name, d.NameEn, d.Level, d.Kinds, null, null)).ToList();
        var governments = DemoCity.Districts.Select(d => New(DistrictGovernment(d.Code), d.Name + "人民政府",
            d.NameEn + " People's Government", DepartmentLevel.DistrictBureau, DepartmentKinds.HandlingUnit, null, d.Code)).ToList();
        db.Departments.AddRange([.. cityWide, .. governments]);
        await db.SaveChangesAsync(cancellationToken);
        all.AddRange(cityWide);
        all.AddRange(governments);

        foreach (var (district, government) in DemoCity.Districts.Zip(governments))
        {
            var teams = DistrictTeams.Select(t => New(DistrictTeam(t.Prefix, district.Code), district.Name + t.Name,
                $"{district.NameEn.Replace(" District", "", StringComparison.Ordinal)} {t.NameEn}", DepartmentLevel.Team, t.Kinds, government.Id, district.Code)).ToList();
            db.Departments.AddRange(teams);
            all.AddRange(teams);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new DemoDepartmentDirectory(all.ToDictionary(d => d.Code, d => d.Id));
    }

    private static Department New(string code, string name, string nameEn, DepartmentLevel level, DepartmentKinds kinds, int? parentId, string? district) =>
        new()
        {
            Code = code, Name = name, NameEn = nameEn, CityCode = DemoCity.CityCode, Level = level, Kinds = kinds,
            ParentId = parentId, DistrictCode = district,
        };
}

/// <summary>Department ids by code, once the departments are saved.</summary>
internal sealed class DemoDepartmentDirectory(IReadOnlyDictionary<string, int> idsByCode)
{
    public int this[string code] => idsByCode.TryGetValue(code, out var id)
        ? id
        : throw new KeyNotFoundException($"The demo city has no department '{code}'.");

    public int Count => idsByCode.Count;
}
