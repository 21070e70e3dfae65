using CivicGrid.Domain.Geography;

namespace CivicGrid.Domain.Tests.Geography;

public class CoordinateConverterOutsideChinaTests
{
    [Theory]
    [InlineData(-0.1276, 51.5072)] // London
    [InlineData(-74.006, 40.7128)] // New York
    [InlineData(139.6917, 35.6895)] // Tokyo: east of 137.8347 E
    [InlineData(151.2093, -33.8688)] // Sydney
    [InlineData(110.0, 0.5)] // South China Sea south of 0.8293 N
    [InlineData(72.003, 35.0)] // just west of the box
    [InlineData(100.0, 55.83)] // just north of the box
    public void Wgs84ToGcj02_OutsideTheChinaBox_ReturnsThePointUnchanged(double longitude, double latitude)
    {
        var point = new GeoPoint(longitude, latitude);

        Assert.Equal(point, CoordinateConverter.Wgs84ToGcj02(point));
        Assert.Equal(point, CoordinateConverter.Gcj02ToWgs84(point));
        Assert.Equal(point, CoordinateConverter.Convert(point, CoordinateSystem.Wgs84, CoordinateSystem.Gcj02));
    }

    [Theory]
    [InlineData(72.005, 35.0)] // just inside the west edge
    [InlineData(100.0, 55.82)] // just inside the north edge
    public void Wgs84ToGcj02_JustInsideTheChinaBox_MovesThePoint(double longitude, double latitude)
    {
        var point = new GeoPoint(longitude, latitude);

        Assert.NotEqual(point, CoordinateConverter.Wgs84ToGcj02(point));
    }
}
