using NetTopologySuite.Geometries;

namespace CivicGrid.Domain.Geography;

/// <summary>A unit grid (单元网格), the smallest management area, nominally about 10,000 m².</summary>
public sealed class UnitGrid
{
    /// <summary>14 or 15 digits (community code + serial), or a 15-character GB/T 47678.3 identifier.</summary>
    public required string Code { get; set; }
    public required string CityCode { get; set; }
    public required string DistrictCode { get; set; }
    public required string StreetCode { get; set; }
    public required string CommunityCode { get; set; }
    /// <summary>Polygon in WGS-84 longitude/latitude.</summary>
    public required Geometry Boundary { get; set; }
    public double AreaSquareMetres { get; set; }
    /// <summary>True inside the built-up area, where field checks have the shorter urban time limit.</summary>
    public bool IsBuiltUp { get; set; }
    /// <summary>The responsible party (属地责任单位) named on the grid's card.</summary>
    public string? ResponsibleParty { get; set; }
    public int? ResponsibilityGridId { get; set; }
}
