using CivicGrid.Domain.Geography;
using CivicGrid.Server.Features.PublicService;

namespace CivicGrid.Server.Tests.PublicService;

public sealed class PositionBlurTests
{
    [Fact]
    public void NearbyPointsInOneCell_ShowAtTheSameCentre_WithinHalfADiagonalOfTheTruth()
    {
        var a = PositionBlur.Snap(110.33012, 20.02011, 200);
        var b = PositionBlur.Snap(110.33031, 20.02027, 200);

        Assert.Equal(a, b);
        var metres = GeoDistance.Metres(new GeoPoint(110.33012, 20.02011), new GeoPoint(a.Longitude, a.Latitude));
        Assert.InRange(metres, 0.5, 100 * Math.Sqrt(2) + 1);
    }

    [Fact]
    public void PointsInNeighbouringCells_ShowAboutOneCellApart()
    {
        var a = PositionBlur.Snap(110.3301, 20.0201, 200);
        var b = PositionBlur.Snap(110.3301, 20.0201 + 200 / 111_320.0, 200);

        var metres = GeoDistance.Metres(new GeoPoint(a.Longitude, a.Latitude), new GeoPoint(b.Longitude, b.Latitude));
        Assert.InRange(metres, 190, 210);
    }
}
