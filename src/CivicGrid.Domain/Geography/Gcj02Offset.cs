namespace CivicGrid.Domain.Geography;

/// <summary>
/// The GCJ-02 offset (国测局加偏) as widely published: a fixed pseudo-random displacement in metres,
/// turned into degrees on the Krasovsky 1940 ellipsoid. Only applied inside a rough mainland-China box.
/// </summary>
internal static class Gcj02Offset
{
    /// <summary>Krasovsky 1940 semi-major axis, metres.</summary>
    private const double SemiMajorAxis = 6_378_245.0;

    /// <summary>Krasovsky 1940 first eccentricity squared.</summary>
    private const double EccentricitySquared = 0.00669342162296594323;

    /// <summary>
    /// True inside the bounding box customarily used for "mainland China" (longitude 72.004–137.8347 E,
    /// latitude 0.8293–55.8271 N). The box is rough: it also covers neighbouring countries, which is what
    /// every published implementation does, so coordinates from AMap/Tencent agree with ours there too.
    /// </summary>
    public static bool Applies(GeoPoint point) =>
        point.Longitude is >= 72.004 and <= 137.8347 && point.Latitude is >= 0.8293 and <= 55.8271;

    /// <summary>The offset in degrees to add to a WGS-84 point to obtain its GCJ-02 position.</summary>
    public static (double Longitude, double Latitude) At(GeoPoint wgs84)
    {
        var x = wgs84.Longitude - 105.0;
        var y = wgs84.Latitude - 35.0;
        var northMetres = NorthShift(x, y);
        var eastMetres = EastShift(x, y);

        var latitude = wgs84.Latitude * Math.PI / 180.0;
        var sinLatitude = Math.Sin(latitude);
        var w = 1.0 - EccentricitySquared * sinLatitude * sinLatitude;
        var meridianRadius = SemiMajorAxis * (1.0 - EccentricitySquared) / (w * Math.Sqrt(w));
        var primeVerticalRadius = SemiMajorAxis / Math.Sqrt(w);

        var metresPerDegreeNorth = meridianRadius * Math.PI / 180.0;
        var metresPerDegreeEast = primeVerticalRadius * Math.Cos(latitude) * Math.PI / 180.0;
        return (eastMetres / metresPerDegreeEast, northMetres / metresPerDegreeNorth);
    }

    private static double NorthShift(double x, double y) =>
        -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.Sqrt(Math.Abs(x))
        + Ripple(x)
        + 2.0 / 3.0 * (20.0 * Math.Sin(Math.PI * y) + 40.0 * Math.Sin(Math.PI * y / 3.0))
        + 2.0 / 3.0 * (160.0 * Math.Sin(Math.PI * y / 12.0) + 320.0 * Math.Sin(Math.PI * y / 30.0));

    private static double EastShift(double x, double y) =>
        300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.Sqrt(Math.Abs(x))
        + Ripple(x)
        + 2.0 / 3.0 * (20.0 * Math.Sin(Math.PI * x) + 40.0 * Math.Sin(Math.PI * x / 3.0))
        + 2.0 / 3.0 * (150.0 * Math.Sin(Math.PI * x / 12.0) + 300.0 * Math.Sin(Math.PI * x / 30.0));

    /// <summary>The short-wavelength term shared by both directions.</summary>
    private static double Ripple(double x) =>
        2.0 / 3.0 * (20.0 * Math.Sin(6.0 * Math.PI * x) + 20.0 * Math.Sin(2.0 * Math.PI * x));
}
