namespace CivicGrid.Domain.Geography;

/// <summary>
/// Converts points between WGS-84/CGCS2000, GCJ-02 (AMap, Tencent, WeChat) and BD-09 (Baidu) (坐标转换).
/// Outside the mainland-China box GCJ-02 equals WGS-84; the BD-09 step applies everywhere.
/// </summary>
public static class CoordinateConverter
{
    /// <summary>The inverse GCJ-02 iteration stops when the forward transform reproduces the input this closely (degrees, about 0.1 mm).</summary>
    private const double InverseTolerance = 1e-9;

    private const int MaxInverseIterations = 30;

    /// <summary>Baidu's angular constant x_pi = π·3000/180.</summary>
    private const double BaiduXPi = Math.PI * 3000.0 / 180.0;

    private const double BaiduLongitudeShift = 0.0065;
    private const double BaiduLatitudeShift = 0.006;

    /// <summary>Converts a point from one coordinate system to another (via GCJ-02 where needed).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A coordinate system is not a defined value.</exception>
    public static GeoPoint Convert(GeoPoint point, CoordinateSystem from, CoordinateSystem to)
    {
        RequireDefined(from, nameof(from));
        RequireDefined(to, nameof(to));
        if (from == to)
        {
            return point;
        }

        var gcj02 = from switch
        {
            CoordinateSystem.Wgs84 => Wgs84ToGcj02(point),
            CoordinateSystem.Bd09 => Bd09ToGcj02(point),
            _ => point,
        };
        return to switch
        {
            CoordinateSystem.Wgs84 => Gcj02ToWgs84(gcj02),
            CoordinateSystem.Bd09 => Gcj02ToBd09(gcj02),
            _ => gcj02,
        };
    }

    /// <summary>Applies the GCJ-02 offset (typically 100–700 m in China); points outside the China box are returned unchanged.</summary>
    public static GeoPoint Wgs84ToGcj02(GeoPoint wgs84)
    {
        if (!Gcj02Offset.Applies(wgs84))
        {
            return wgs84;
        }

        var (longitude, latitude) = Gcj02Offset.At(wgs84);
        return new GeoPoint(wgs84.Longitude + longitude, wgs84.Latitude + latitude);
    }

    /// <summary>
    /// Removes the GCJ-02 offset. The offset has no closed-form inverse, so this iterates (fixed-point)
    /// until <see cref="Wgs84ToGcj02"/> of the answer reproduces the input to 1e-9 degrees; the result is
    /// well within 0.5 m of the true WGS-84 point (in practice millimetres). Points outside the China box are returned unchanged.
    /// </summary>
    public static GeoPoint Gcj02ToWgs84(GeoPoint gcj02)
    {
        if (!Gcj02Offset.Applies(gcj02))
        {
            return gcj02;
        }

        var estimate = gcj02;
        for (var iteration = 0; iteration < MaxInverseIterations; iteration++)
        {
            var forward = Wgs84ToGcj02(estimate);
            var longitudeError = forward.Longitude - gcj02.Longitude;
            var latitudeError = forward.Latitude - gcj02.Latitude;
            if (Math.Abs(longitudeError) < InverseTolerance && Math.Abs(latitudeError) < InverseTolerance)
            {
                break;
            }

            estimate = new GeoPoint(estimate.Longitude - longitudeError, estimate.Latitude - latitudeError);
        }

        return estimate;
    }

    /// <summary>Applies Baidu's BD-09 transform to a GCJ-02 point (exact, by definition).</summary>
    public static GeoPoint Gcj02ToBd09(GeoPoint gcj02)
    {
        var x = gcj02.Longitude;
        var y = gcj02.Latitude;
        var radius = Math.Sqrt(x * x + y * y) + 0.00002 * Math.Sin(y * BaiduXPi);
        var angle = Math.Atan2(y, x) + 0.000003 * Math.Cos(x * BaiduXPi);
        return new GeoPoint(radius * Math.Cos(angle) + BaiduLongitudeShift, radius * Math.Sin(angle) + BaiduLatitudeShift);
    }

    /// <summary>
    /// Removes Baidu's BD-09 transform with the widely published closed-form inverse. It is approximate:
    /// a round trip through <see cref="Gcj02ToBd09"/> comes back within about 0.2 m, far below map accuracy.
    /// </summary>
    public static GeoPoint Bd09ToGcj02(GeoPoint bd09)
    {
        var x = bd09.Longitude - BaiduLongitudeShift;
        var y = bd09.Latitude - BaiduLatitudeShift;
        var radius = Math.Sqrt(x * x + y * y) - 0.00002 * Math.Sin(y * BaiduXPi);
        var angle = Math.Atan2(y, x) - 0.000003 * Math.Cos(x * BaiduXPi);
        return new GeoPoint(radius * Math.Cos(angle), radius * Math.Sin(angle));
    }

    private static void RequireDefined(CoordinateSystem system, string parameterName)
    {
        if (!Enum.IsDefined(system))
        {
            throw new ArgumentOutOfRangeException(parameterName, system, "Unknown coordinate system.");
        }
    }
}
