namespace CivicGrid.Server.Features.Geography;

/// <summary>A named road, water or landmark of the city's basemap, as the in-memory indexes hold it.</summary>
public sealed record NamedFeature(int Id, Domain.Geography.BasemapFeatureKind Kind, string Name, int Rank, NetTopologySuite.Geometries.Geometry Geometry);

/// <summary>A named road (or landmark) near a point and how far it is.</summary>
public sealed record NearbyPlace(string Name, string Kind, double DistanceMetres);

/// <summary>What reverse geocoding says of a WGS-84 point: its chain district → street → community, the nearest named
/// road within <see cref="PlaceSnapshot.NearbyMetres"/> (or landmark) and the one-line address built from them,
/// e.g. "龙华区德瑞街道东山社区 · 龙昆南路附近".</summary>
public sealed record PlaceAddress(
    string Address, UnitRef District, UnitRef Street, UnitRef Community, string? GridCode, NearbyPlace? Near, double Longitude, double Latitude);

/// <summary>A search hit: a road, landmark, water, community, street or district, where it lies (<paramref name="Context"/>,
/// e.g. "龙华区 · 德瑞街道") and a WGS-84 point on it to move the map to.</summary>
public sealed record PlaceMatch(string Name, string Kind, string? Context, double Longitude, double Latitude);
