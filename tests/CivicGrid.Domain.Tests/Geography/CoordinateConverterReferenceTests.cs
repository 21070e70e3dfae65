using CivicGrid.Domain.Geography;

namespace CivicGrid.Domain.Tests.Geography;

/// <summary>
/// Conversions checked against coordinate pairs published by other implementations of the same formulas:
/// <list type="bullet">
/// <item>wandergis/coordtransform, test/app.js (also asserted by hutool's CoordinateUtilTest and coordtransform_rs);</item>
/// <item>googollee/eviltransform, go/transform_test.go (Shanghai, Shenzhen, Beijing; same table in its other language ports);</item>
/// <item>caijun/geoChina R package documentation, gcj2bd/bd2gcj example: Beijing railway station, 5 decimals.</item>
/// </list>
/// </summary>
public class CoordinateConverterReferenceTests
{
    /// <summary>Published values carry 14–17 significant digits; allow for last-bit differences in sin/cos between runtimes.</summary>
    private const double FullPrecision = 1e-9;

    [Fact]
    public void Wgs84ToGcj02_AtTiananmen_MatchesCoordtransformReference()
    {
        var gcj02 = CoordinateConverter.Wgs84ToGcj02(new GeoPoint(116.404, 39.915));

        GeoAssert.Near(new GeoPoint(116.41024449916938, 39.91640428150164), gcj02, FullPrecision);
    }

    [Fact]
    public void Gcj02ToBd09_AtTiananmen_MatchesCoordtransformReference()
    {
        var bd09 = CoordinateConverter.Gcj02ToBd09(new GeoPoint(116.404, 39.915));

        GeoAssert.Near(new GeoPoint(116.41036949371029, 39.92133699351021), bd09, FullPrecision);
    }

    [Fact]
    public void Bd09ToGcj02_AtTiananmen_MatchesCoordtransformReference()
    {
        var gcj02 = CoordinateConverter.Bd09ToGcj02(new GeoPoint(116.404, 39.915));

        GeoAssert.Near(new GeoPoint(116.39762729119315, 39.90865673957631), gcj02, FullPrecision);
    }

    [Fact]
    public void Gcj02ToWgs84_AtTiananmen_AgreesWithCoordtransformOneStepApproximation()
    {
        // coordtransform inverts with a single step (wgs ≈ 2·gcj − forward(gcj)), which errs by centimetres to a
        // few metres; our iterative inverse must land close to it, and closer to the truth.
        var wgs84 = CoordinateConverter.Gcj02ToWgs84(new GeoPoint(116.404, 39.915));

        GeoAssert.WithinMetres(new GeoPoint(116.39775550083061, 39.91359571849836), wgs84, 0.5);
    }

    [Theory]
    [InlineData(121.5272106, 31.1774276, 121.531541859215, 31.17530398364597)] // Shanghai
    [InlineData(113.912316, 22.543847, 113.9171764808363, 22.540796131694766)] // Shenzhen
    [InlineData(116.377817, 39.911954, 116.38404722455657, 39.91334545536069)] // Beijing
    public void Wgs84ToGcj02_MatchesEviltransformReference(double wgsLongitude, double wgsLatitude, double gcjLongitude, double gcjLatitude)
    {
        var gcj02 = CoordinateConverter.Wgs84ToGcj02(new GeoPoint(wgsLongitude, wgsLatitude));

        GeoAssert.Near(new GeoPoint(gcjLongitude, gcjLatitude), gcj02, FullPrecision);
    }

    [Theory]
    [InlineData(121.5272106, 31.1774276, 121.531541859215, 31.17530398364597)] // Shanghai
    [InlineData(113.912316, 22.543847, 113.9171764808363, 22.540796131694766)] // Shenzhen
    [InlineData(116.377817, 39.911954, 116.38404722455657, 39.91334545536069)] // Beijing
    public void Gcj02ToWgs84_RecoversEviltransformWgs84PointToAMillimetre(double wgsLongitude, double wgsLatitude, double gcjLongitude, double gcjLatitude)
    {
        var wgs84 = CoordinateConverter.Gcj02ToWgs84(new GeoPoint(gcjLongitude, gcjLatitude));

        // 1e-8 degrees is about 1 mm.
        GeoAssert.Near(new GeoPoint(wgsLongitude, wgsLatitude), wgs84, 1e-8);
    }

    [Fact]
    public void Gcj02ToBd09_AtBeijingRailwayStation_MatchesGeoChinaExample()
    {
        // Published to 5 decimals (1e-5 degrees, about 1 m).
        var bd09 = CoordinateConverter.Gcj02ToBd09(new GeoPoint(116.42703, 39.90245));

        GeoAssert.Near(new GeoPoint(116.43351, 39.90851), bd09, 1e-5);
    }

    [Fact]
    public void Bd09ToGcj02_AtBeijingRailwayStation_MatchesGeoChinaExample()
    {
        var gcj02 = CoordinateConverter.Bd09ToGcj02(new GeoPoint(116.43351, 39.90851));

        GeoAssert.Near(new GeoPoint(116.42703, 39.90245), gcj02, 1e-5);
    }

    [Fact]
    public void Convert_FromWgs84ToGcj02_MatchesCoordtransformReference()
    {
        var gcj02 = CoordinateConverter.Convert(new GeoPoint(116.404, 39.915), CoordinateSystem.Wgs84, CoordinateSystem.Gcj02);

        GeoAssert.Near(new GeoPoint(116.41024449916938, 39.91640428150164), gcj02, FullPrecision);
    }

    [Fact]
    public void Convert_FromBd09ToGcj02_MatchesCoordtransformReference()
    {
        var gcj02 = CoordinateConverter.Convert(new GeoPoint(116.404, 39.915), CoordinateSystem.Bd09, CoordinateSystem.Gcj02);

        GeoAssert.Near(new GeoPoint(116.39762729119315, 39.90865673957631), gcj02, FullPrecision);
    }
}
