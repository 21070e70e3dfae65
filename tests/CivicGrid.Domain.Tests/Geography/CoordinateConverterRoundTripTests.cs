using CivicGrid.Domain.Geography;

namespace CivicGrid.Domain.Tests.Geography;

public class CoordinateConverterRoundTripTests
{
    /// <summary>A 0.5° grid over China from 73 E to 135 E and 18 N to 53 N (8,875 points).</summary>
    public static IEnumerable<GeoPoint> ChinaGrid()
    {
        for (var longitude = 73.0; longitude <= 135.0; longitude += 0.5)
        {
            for (var latitude = 18.0; latitude <= 53.0; latitude += 0.5)
            {
                yield return new GeoPoint(longitude, latitude);
            }
        }
    }

    [Fact]
    public void Wgs84ToGcj02ThenBack_EverywhereOnAChinaGrid_ReturnsWithinHalfAMetre()
    {
        var worst = 0.0;
        foreach (var wgs84 in ChinaGrid())
        {
            var back = CoordinateConverter.Gcj02ToWgs84(CoordinateConverter.Wgs84ToGcj02(wgs84));
            worst = Math.Max(worst, GeoDistance.Metres(wgs84, back));
        }

        Assert.True(worst < 0.5, $"Worst round-trip error {worst:F4} m");
    }

    [Fact]
    public void Gcj02ToWgs84_EverywhereOnAChinaGrid_ReproducesTheInputUnderTheForwardTransform()
    {
        foreach (var gcj02 in ChinaGrid())
        {
            var forward = CoordinateConverter.Wgs84ToGcj02(CoordinateConverter.Gcj02ToWgs84(gcj02));

            GeoAssert.Near(gcj02, forward, 1e-9);
        }
    }

    [Fact]
    public void Bd09ToGcj02ThenBack_EverywhereOnAChinaGrid_ReturnsWithinHalfAMetre()
    {
        var worst = 0.0;
        foreach (var bd09 in ChinaGrid())
        {
            var back = CoordinateConverter.Gcj02ToBd09(CoordinateConverter.Bd09ToGcj02(bd09));
            worst = Math.Max(worst, GeoDistance.Metres(bd09, back));
        }

        Assert.True(worst < 0.5, $"Worst round-trip error {worst:F4} m");
    }

    [Theory]
    [InlineData(110.33, 20.03)] // Haikou 海口
    [InlineData(109.5119, 18.2528)] // Sanya 三亚
    [InlineData(116.3975, 39.9087)] // Beijing
    [InlineData(121.4737, 31.2304)] // Shanghai
    [InlineData(113.2644, 23.1291)] // Guangzhou
    [InlineData(104.0665, 30.5723)] // Chengdu
    [InlineData(126.6425, 45.7567)] // Harbin
    [InlineData(87.6168, 43.8256)] // Urumqi
    [InlineData(91.1409, 29.6456)] // Lhasa
    public void Wgs84ToGcj02_InChineseCities_ShiftsByRoughly100To700Metres(double longitude, double latitude)
    {
        var wgs84 = new GeoPoint(longitude, latitude);

        var shift = GeoDistance.Metres(wgs84, CoordinateConverter.Wgs84ToGcj02(wgs84));

        Assert.InRange(shift, 100, 700);
    }

    [Theory]
    [InlineData(110.33, 20.03)] // Haikou 海口
    [InlineData(116.3975, 39.9087)] // Beijing
    [InlineData(121.4737, 31.2304)] // Shanghai
    [InlineData(87.6168, 43.8256)] // Urumqi
    public void Convert_FromWgs84ToEachSystemAndBack_ReturnsWithinHalfAMetre(double longitude, double latitude)
    {
        var wgs84 = new GeoPoint(longitude, latitude);

        foreach (var system in new[] { CoordinateSystem.Gcj02, CoordinateSystem.Bd09 })
        {
            var there = CoordinateConverter.Convert(wgs84, CoordinateSystem.Wgs84, system);
            var back = CoordinateConverter.Convert(there, system, CoordinateSystem.Wgs84);

            Assert.NotEqual(wgs84, there);
            GeoAssert.WithinMetres(wgs84, back, 0.5);
        }
    }

    [Fact]
    public void Convert_FromWgs84ToBd09_AppliesBothOffsets()
    {
        // In Haikou the GCJ-02 offset is about 500 m and BD-09 adds roughly another 0.0065°/0.006° (≈ 900 m):
        // a WGS-84 → BD-09 jump must clearly exceed the GCJ-02 jump alone.
        var haikou = new GeoPoint(110.33, 20.03);

        var toGcj02 = GeoDistance.Metres(haikou, CoordinateConverter.Convert(haikou, CoordinateSystem.Wgs84, CoordinateSystem.Gcj02));
        var toBd09 = GeoDistance.Metres(haikou, CoordinateConverter.Convert(haikou, CoordinateSystem.Wgs84, CoordinateSystem.Bd09));

        Assert.InRange(toBd09, toGcj02 + 500, toGcj02 + 1500);
    }

    [Theory]
    [InlineData(CoordinateSystem.Wgs84)]
    [InlineData(CoordinateSystem.Gcj02)]
    [InlineData(CoordinateSystem.Bd09)]
    public void Convert_ToTheSameSystem_ReturnsThePointUnchanged(CoordinateSystem system)
    {
        var haikou = new GeoPoint(110.33, 20.03);

        Assert.Equal(haikou, CoordinateConverter.Convert(haikou, system, system));
    }

    [Fact]
    public void Convert_WithUndefinedSystem_Throws()
    {
        var haikou = new GeoPoint(110.33, 20.03);

        Assert.Throws<ArgumentOutOfRangeException>(() => CoordinateConverter.Convert(haikou, (CoordinateSystem)7, CoordinateSystem.Wgs84));
        Assert.Throws<ArgumentOutOfRangeException>(() => CoordinateConverter.Convert(haikou, CoordinateSystem.Wgs84, (CoordinateSystem)7));
    }
}
