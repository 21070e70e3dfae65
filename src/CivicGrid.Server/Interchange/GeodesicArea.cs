using NetTopologySuite.Geometries;

namespace CivicGrid.Server.Interchange;

/// <summary>Area in square metres of a WGS-84 polygon, by the shoelace formula on a local equirectangular projection
/// around the polygon's mean latitude. For areas of a few km² (grids, communities) the error is far below 0.1 %.</summary>
public static class GeodesicArea
{
    private const double EarthRadiusMetres = 6_371_008.8;

    public static double SquareMetres(Geometry geometry)
    {
        var total = 0.0;
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is not Polygon polygon) continue;
            total += Ring(polygon.Shell.CoordinateSequence);
            foreach (var hole in polygon.Holes) total -= Ring(hole.CoordinateSequence);
        }
        return total;
    }

    private static double Ring(CoordinateSequence ring)
    {
        if (ring.Count < 4) return 0;
        var meanLatitude = 0.0;
        for (var i = 0; i < ring.Count; i++) meanLatitude += ring.GetY(i);
        meanLatitude /= ring.Count;
        var metresPerDegreeY = EarthRadiusMetres * Math.PI / 180;
        var metresPerDegreeX = metresPerDegreeY * Math.Cos(meanLatitude * Math.PI / 180);
        var sum = 0.0;
        for (var i = 0; i < ring.Count - 1; i++)
        {
            sum += ring.GetX(i) * ring.GetY(i + 1) - ring.GetX(i + 1) * ring.GetY(i);
        }
        return Math.Abs(sum / 2) * metresPerDegreeX * metresPerDegreeY;
    }
}
