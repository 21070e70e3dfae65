using CivicGrid.Domain.Geography;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Distance;

namespace CivicGrid.Server.Features.Geography;

/// <summary>One consistent, immutable view of the city's named places, safe to query from many threads: reverse
/// geocoding (<see cref="Describe"/>: the unit chain from the grid locator plus the nearest road, an STR-tree query)
/// and name search (<see cref="Search"/>: a scan of a few thousand names). Cheap enough for every report's intake.</summary>
public sealed class PlaceSnapshot
{
    /// <summary>A road farther than this is not "near" (附近) the point.</summary>
    public const double NearbyMetres = 500;

    /// <summary>Degrees that surely cover <see cref="NearbyMetres"/> in every direction up to ±60° latitude.</summary>
    private const double SearchDegrees = NearbyMetres / 111_000.0 * 2;

    private static readonly Dictionary<string, int> KindOrder = new()
    {
        ["road"] = 0, ["landmark"] = 1, ["community"] = 2, ["street"] = 3, ["district"] = 4, ["water"] = 5,
    };

    private readonly STRtree<NamedFeature> _nearby = new();
    private readonly List<(PlaceMatch Match, string Key)> _names = [];

    public PlaceSnapshot(GridLocator.Snapshot geography, IReadOnlyList<NamedFeature> features, IReadOnlyList<NamedUnit> units)
    {
        Geography = geography;
        Features = features;
        Units = units;
        foreach (var feature in features.Where(f => f.Kind != BasemapFeatureKind.Water)) _nearby.Insert(feature.Geometry.EnvelopeInternal, feature);
        _nearby.Build();
        var unitNames = units.ToDictionary(u => u.Code, u => u.Name);
        foreach (var feature in features)
        {
            var point = PointOn(feature.Geometry);
            var context = geography.Locate(point.X, point.Y) is { } at ? $"{at.District.Name} · {at.Street.Name}" : null;
            _names.Add((new PlaceMatch(feature.Name, KindOf(feature.Kind), context, point.X, point.Y), feature.Name));
        }
        foreach (var unit in units)
        {
            var point = unit.Boundary.InteriorPoint;
            var parents = unit.Level switch
            {
                AdministrativeLevel.Community => new[] { unit.Code[..6], unit.Code[..9] },
                AdministrativeLevel.Street => [unit.Code[..6]],
                _ => [],
            };
            var context = parents.Length == 0 ? null : string.Join(" · ", parents.Select(p => unitNames.GetValueOrDefault(p, p)));
            _names.Add((new PlaceMatch(unit.Name, LevelOf(unit.Level), context, point.X, point.Y), unit.Name));
        }
    }

    /// <summary>The grid snapshot this view was built beside.</summary>
    public GridLocator.Snapshot Geography { get; }

    public IReadOnlyList<NamedFeature> Features { get; }

    public IReadOnlyList<NamedUnit> Units { get; }

    /// <summary>The address of a WGS-84 point; null when it lies outside every grid and community of the city.</summary>
    public PlaceAddress? Describe(double longitude, double latitude) =>
        Geography.Locate(longitude, latitude) is { } location ? Describe(location, longitude, latitude) : null;

    /// <summary>The address of a point already located (the intake path has the chain in hand).</summary>
    public PlaceAddress Describe(GridLocation location, double longitude, double latitude)
    {
        var near = Nearest(longitude, latitude);
        var area = location.District.Name + location.Street.Name + location.Community.Name;
        var address = near is null ? area : $"{area} · {near.Name}附近";
        return new PlaceAddress(address, location.District, location.Street, location.Community, location.GridCode, near, longitude, latitude);
    }

    /// <summary>Where a search hit puts the pin: for a road the middle of the middle segment of its longest part (away
    /// from the crossings at its bends), otherwise a point inside.</summary>
    private static Point PointOn(Geometry geometry)
    {
        var longest = Enumerable.Range(0, geometry.NumGeometries).Select(geometry.GetGeometryN).OfType<LineString>().MaxBy(l => l.Length);
        if (longest is null || longest.NumPoints < 2) return geometry.InteriorPoint;
        var (a, b) = (longest.GetCoordinateN(longest.NumPoints / 2 - 1), longest.GetCoordinateN(longest.NumPoints / 2));
        return geometry.Factory.CreatePoint(new Coordinate((a.X + b.X) / 2, (a.Y + b.Y) / 2));
    }

    /// <summary>The nearest named road within <see cref="NearbyMetres"/>; failing that, the nearest landmark.</summary>
    private NearbyPlace? Nearest(double longitude, double latitude)
    {
        var envelope = new Envelope(longitude - SearchDegrees, longitude + SearchDegrees, latitude - SearchDegrees, latitude + SearchDegrees);
        var point = new Coordinate(longitude, latitude);
        NearbyPlace? road = null, landmark = null;
        var roadRank = int.MaxValue;
        var here = GeoJsonGeometry.Factory.CreatePoint(point);
        foreach (var feature in _nearby.Query(envelope))
        {
            var closest = DistanceOp.NearestPoints(feature.Geometry, here)[0];
            var metres = GeoDistance.Metres(new GeoPoint(longitude, latitude), new GeoPoint(closest.X, closest.Y));
            if (metres > NearbyMetres) continue;
            var candidate = new NearbyPlace(feature.Name, KindOf(feature.Kind), Math.Round(metres, 1));
            // At a crossing (equally near, within a metre) the more important road names the place.
            if (feature.Kind == BasemapFeatureKind.Road)
            {
                if (road is null || metres < road.DistanceMetres - 1 || (metres <= road.DistanceMetres + 1 && feature.Rank < roadRank)) (road, roadRank) = (candidate, feature.Rank);
            }
            else if (landmark is null || metres < landmark.DistanceMetres) landmark = candidate;
        }
        return road ?? landmark;
    }

    /// <summary>Places whose name contains <paramref name="query"/>: exact names first, then names that start with it,
    /// then roads, landmarks, communities, streets, districts and water, shorter names first.</summary>
    public IReadOnlyList<PlaceMatch> Search(string query, int limit) =>
        _names.Where(n => n.Key.Contains(query, StringComparison.OrdinalIgnoreCase))
            .OrderBy(n => n.Key.Equals(query, StringComparison.OrdinalIgnoreCase) ? 0 : n.Key.StartsWith(query, StringComparison.OrdinalIgnoreCase) ? 1 : 2)
            .ThenBy(n => KindOrder[n.Match.Kind]).ThenBy(n => n.Key.Length).ThenBy(n => n.Key, StringComparer.Ordinal)
            .Select(n => n.Match).DistinctBy(m => (m.Name, m.Kind)).Take(limit).ToList();

    public static string KindOf(BasemapFeatureKind kind) => kind switch
    {
        BasemapFeatureKind.Road => "road",
        BasemapFeatureKind.Water => "water",
        _ => "landmark",
    };

    private static string LevelOf(AdministrativeLevel level) => level switch
    {
        AdministrativeLevel.Community => "community",
        AdministrativeLevel.Street => "street",
        _ => "district",
    };
}
