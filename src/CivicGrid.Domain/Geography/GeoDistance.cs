namespace CivicGrid.Domain.Geography;

/// <summary>Great-circle distances on a spherical Earth (haversine formula).</summary>
public static class GeoDistance
{
    /// <summary>The IUGG mean Earth radius R1, in metres.</summary>
    public const double MeanEarthRadiusMetres = 6_371_008.8;

    /// <summary>
    /// The haversine distance in metres between two points in the same coordinate system.
    /// Treating the Earth as a sphere errs by up to about 0.5 %, which is fine for city-scale questions
    /// such as "is the inspector within 50 m of the case".
    /// </summary>
    public static double Metres(GeoPoint a, GeoPoint b)
    {
        var latitudeA = DegreesToRadians(a.Latitude);
        var latitudeB = DegreesToRadians(b.Latitude);
        var halfLatitudeDelta = (latitudeB - latitudeA) / 2;
        var halfLongitudeDelta = DegreesToRadians(b.Longitude - a.Longitude) / 2;

        var haversine = Math.Sin(halfLatitudeDelta) * Math.Sin(halfLatitudeDelta)
            + Math.Cos(latitudeA) * Math.Cos(latitudeB) * Math.Sin(halfLongitudeDelta) * Math.Sin(halfLongitudeDelta);

        // Rounding can push the value a hair above 1 for antipodal points.
        return 2 * MeanEarthRadiusMetres * Math.Asin(Math.Sqrt(Math.Min(1.0, haversine)));
    }

    private static double DegreesToRadians(double degrees) => degrees * Math.PI / 180.0;
}
