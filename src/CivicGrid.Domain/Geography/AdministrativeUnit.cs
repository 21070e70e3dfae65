using NetTopologySuite.Geometries;

namespace CivicGrid.Domain.Geography;

/// <summary>A district (区), street/town (街道/镇) or community/village (社区/村) with its GB/T 2260 code.</summary>
public sealed class AdministrativeUnit
{
    /// <summary>6 digits for a district, 9 for a street, 12 for a community.</summary>
    public required string Code { get; set; }
    public AdministrativeLevel Level { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    /// <summary>The enclosing unit's code; the city's code for a district.</summary>
    public required string ParentCode { get; set; }
    public required string CityCode { get; set; }
    /// <summary>Boundary in WGS-84 longitude/latitude, when known.</summary>
    public Geometry? Boundary { get; set; }
}
