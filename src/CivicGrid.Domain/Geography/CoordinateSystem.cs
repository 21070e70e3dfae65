namespace CivicGrid.Domain.Geography;

/// <summary>
/// The geodetic reference a longitude/latitude pair is expressed in (坐标系).
/// CivicGrid stores positions in <see cref="Wgs84"/>, converts on input and says which system it uses on output.
/// </summary>
public enum CoordinateSystem
{
    /// <summary>
    /// WGS-84, as delivered by GPS receivers. Also stands for CGCS2000 (国家大地坐标系 2000, used by Tianditu 天地图):
    /// the two frames agree to within a few centimetres, far below the accuracy of city-management data,
    /// so CivicGrid treats CGCS2000 coordinates as WGS-84 without transformation.
    /// </summary>
    Wgs84,

    /// <summary>GCJ-02 (国测局坐标, "Mars coordinates"): WGS-84 with the state-mandated offset; used by AMap, Tencent and WeChat.</summary>
    Gcj02,

    /// <summary>BD-09 (百度坐标): Baidu's further offset applied on top of GCJ-02.</summary>
    Bd09,
}
