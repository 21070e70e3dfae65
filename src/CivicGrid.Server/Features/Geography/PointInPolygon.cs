using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace CivicGrid.Server.Features.Geography;

/// <summary>Allocation-free point-in-polygon test (boundary counts as inside) for the locator's hot path.</summary>
internal static class PointInPolygon
{
    public static bool Covers(Geometry geometry, Coordinate point)
    {
        if (!geometry.EnvelopeInternal.Covers(point)) return false;
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is Polygon polygon && PolygonCovers(polygon, point)) return true;
        }
        return false;
    }

    private static bool PolygonCovers(Polygon polygon, Coordinate point)
    {
        var shell = RayCrossingCounter.LocatePointInRing(point, polygon.Shell.CoordinateSequence);
        if (shell == Location.Exterior) return false;
        if (shell == Location.Boundary) return true;
        foreach (var hole in polygon.Holes)
        {
            if (RayCrossingCounter.LocatePointInRing(point, hole.CoordinateSequence) == Location.Interior) return false;
        }
        return true;
    }
}
