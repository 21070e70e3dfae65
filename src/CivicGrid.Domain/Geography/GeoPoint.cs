namespace CivicGrid.Domain.Geography;

/// <summary>
/// A position as longitude and latitude in decimal degrees (经纬度), longitude first as in GeoJSON.
/// The value does not carry its coordinate system: inside CivicGrid a stored point is WGS-84/CGCS2000,
/// and <see cref="CoordinateConverter"/> converts points that arrive in GCJ-02 or BD-09.
/// The constructor does not validate; use <see cref="Create"/> or <see cref="IsValid"/> where input enters the system.
/// </summary>
/// <param name="Longitude">Degrees east, −180 to 180.</param>
/// <param name="Latitude">Degrees north, −90 to 90.</param>
public readonly record struct GeoPoint(double Longitude, double Latitude)
{
    /// <summary>True when both numbers are finite, the longitude lies in [−180, 180] and the latitude in [−90, 90].</summary>
    public static bool IsValid(double longitude, double latitude) =>
        IsValidLongitude(longitude) && IsValidLatitude(latitude);

    /// <summary>Creates a point after checking its range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A coordinate is not finite or is out of range.</exception>
    public static GeoPoint Create(double longitude, double latitude)
    {
        if (!IsValidLongitude(longitude))
        {
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "A longitude is a finite number of degrees from -180 to 180.");
        }

        if (!IsValidLatitude(latitude))
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "A latitude is a finite number of degrees from -90 to 90.");
        }

        return new GeoPoint(longitude, latitude);
    }

    private static bool IsValidLongitude(double longitude) => double.IsFinite(longitude) && longitude is >= -180 and <= 180;

    private static bool IsValidLatitude(double latitude) => double.IsFinite(latitude) && latitude is >= -90 and <= 90;
}
