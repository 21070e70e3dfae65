using CivicGrid.Domain.Geography;

namespace CivicGrid.Domain.Tests.Geography;

public class CoordinateSystemsTests
{
    [Theory]
    [InlineData("wgs84", CoordinateSystem.Wgs84)]
    [InlineData("WGS84", CoordinateSystem.Wgs84)]
    [InlineData("Wgs-84", CoordinateSystem.Wgs84)]
    [InlineData("cgcs2000", CoordinateSystem.Wgs84)]
    [InlineData("CGCS2000", CoordinateSystem.Wgs84)]
    [InlineData("gcj02", CoordinateSystem.Gcj02)]
    [InlineData("GCJ-02", CoordinateSystem.Gcj02)]
    [InlineData("bd09", CoordinateSystem.Bd09)]
    [InlineData("BD-09", CoordinateSystem.Bd09)]
    public void TryParse_WithKnownCode_ReturnsTheSystem(string text, CoordinateSystem expected)
    {
        Assert.True(CoordinateSystems.TryParse(text, out var system));
        Assert.Equal(expected, system);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" wgs84")]
    [InlineData("wgs 84")]
    [InlineData("epsg:4326")]
    [InlineData("bd09mc")]
    [InlineData("gcj")]
    public void TryParse_WithUnknownText_ReturnsFalse(string? text)
    {
        Assert.False(CoordinateSystems.TryParse(text, out _));
    }

    [Fact]
    public void Parse_WithCgcs2000_GivesWgs84()
    {
        Assert.Equal(CoordinateSystem.Wgs84, CoordinateSystems.Parse("cgcs2000"));
    }

    [Fact]
    public void Parse_WithUnknownText_ThrowsFormatExceptionNamingTheChoices()
    {
        var exception = Assert.Throws<FormatException>(() => CoordinateSystems.Parse("mercator"));
        Assert.Contains("'mercator'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("gcj02", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CoordinateSystem.Wgs84, "wgs84")]
    [InlineData(CoordinateSystem.Gcj02, "gcj02")]
    [InlineData(CoordinateSystem.Bd09, "bd09")]
    public void ToCode_GivesTheLowerCaseCode(CoordinateSystem system, string expected)
    {
        Assert.Equal(expected, system.ToCode());
    }

    [Fact]
    public void ToCode_WithUndefinedValue_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((CoordinateSystem)42).ToCode());
    }
}
