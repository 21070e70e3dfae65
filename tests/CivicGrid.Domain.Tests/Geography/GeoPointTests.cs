using CivicGrid.Domain.Geography;

namespace CivicGrid.Domain.Tests.Geography;

public class GeoPointTests
{
    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(110.33, 20.03)]
    [InlineData(180.0, 90.0)]
    [InlineData(-180.0, -90.0)]
    [InlineData(-0.1276, 51.5072)]
    public void IsValid_WithCoordinatesInRange_IsTrue(double longitude, double latitude)
    {
        Assert.True(GeoPoint.IsValid(longitude, latitude));
    }

    [Theory]
    [InlineData(180.000001, 0.0)]
    [InlineData(-180.000001, 0.0)]
    [InlineData(0.0, 90.000001)]
    [InlineData(0.0, -90.000001)]
    [InlineData(double.NaN, 0.0)]
    [InlineData(0.0, double.NaN)]
    [InlineData(double.PositiveInfinity, 0.0)]
    [InlineData(0.0, double.NegativeInfinity)]
    [InlineData(20.03, 110.33)]
    public void IsValid_WithCoordinatesOutOfRangeOrNotFinite_IsFalse(double longitude, double latitude)
    {
        Assert.False(GeoPoint.IsValid(longitude, latitude));
    }

    [Fact]
    public void Create_WithValidCoordinates_KeepsLongitudeFirst()
    {
        var point = GeoPoint.Create(110.33, 20.03);

        Assert.Equal(110.33, point.Longitude);
        Assert.Equal(20.03, point.Latitude);
    }

    [Fact]
    public void Create_WithLongitudeOutOfRange_ThrowsNamingTheLongitude()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => GeoPoint.Create(181, 20));
        Assert.Equal("longitude", exception.ParamName);
    }

    [Fact]
    public void Create_WithNaNLatitude_ThrowsNamingTheLatitude()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => GeoPoint.Create(110, double.NaN));
        Assert.Equal("latitude", exception.ParamName);
    }

    [Fact]
    public void GeoPoints_WithSameCoordinates_AreEqual()
    {
        Assert.Equal(new GeoPoint(110.33, 20.03), new GeoPoint(110.33, 20.03));
        Assert.NotEqual(new GeoPoint(110.33, 20.03), new GeoPoint(20.03, 110.33));
    }
}
