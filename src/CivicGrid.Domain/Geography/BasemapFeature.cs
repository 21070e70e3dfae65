using NetTopologySuite.Geometries;

namespace CivicGrid.Domain.Geography;

/// <summary>A named feature of the city's own basemap (底图要素): a road (道路) drawn as a line, water (水域: sea, river,
/// lake) as a polygon, or a landmark (地标: station, park, hospital) as a point. The map draws them when no tile
/// service is configured, and reverse geocoding names the nearest road ("龙昆南路附近"); see docs/domain/space-and-codes.md.</summary>
public sealed class BasemapFeature
{
    public int Id { get; set; }
    public required string CityCode { get; set; }
    public BasemapFeatureKind Kind { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    /// <summary>1 for trunk roads and the sea (drawn from low zoom), 2 for main roads, 3 for minor roads and landmarks.</summary>
    public int Rank { get; set; }
    /// <summary>WGS-84 longitude/latitude: a LineString or MultiLineString for a road, a Polygon for water, a Point for a landmark.</summary>
    public required Geometry Geometry { get; set; }
}

public enum BasemapFeatureKind { Road, Water, Landmark }
