namespace CivicGrid.Domain.Geography;

/// <summary>The level of an administrative division below the province (行政区划层级).</summary>
public enum AdministrativeLevel
{
    /// <summary>Prefecture-level city (地级市), e.g. 460100 Haikou: a 6-digit code ending in "00".</summary>
    City,

    /// <summary>County-level district, county or county-level city (区/县/县级市), e.g. 460105 秀英区: any other 6-digit code.</summary>
    District,

    /// <summary>Street or town (街道/镇/乡): 9 digits.</summary>
    Street,

    /// <summary>Community or village (社区/村): 12 digits.</summary>
    Community,
}
