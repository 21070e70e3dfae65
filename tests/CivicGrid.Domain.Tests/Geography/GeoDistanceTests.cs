using CivicGrid.Domain.Geography;

namespace CivicGrid.Domain.Tests.Geography;

public class GeoDistanceTests
{
    [Fact]
    public void Metres_ForOneDegreeOfLatitude_IsOneDegreeOfArc()
    {
        // By hand: π · 6,371,008.8 m / 180 = 111,195.08 m.
        var distance = GeoDistance.Metres(new GeoPoint(110.33, 20.0), new GeoPoint(110.33, 21.0));

        Assert.Equal(111_195.08, distance, 0.01);
    }

    [Fact]
    public void Metres_FromEquatorToNorthPole_IsQuarterCircumference()
    {
        // By hand: π/2 · 6,371,008.8 m = 10,007,557.22 m.
        var distance = GeoDistance.Metres(new GeoPoint(0, 0), new GeoPoint(0, 90));

        Assert.Equal(10_007_557.22, distance, 0.01);
    }

    [Fact]
    public void Metres_BetweenAntipodes_IsHalfCircumference()
    {
        // By hand: π · 6,371,008.8 m = 20,015,114.44 m.
        var distance = GeoDistance.Metres(new GeoPoint(0, 0), new GeoPoint(180, 0));

        Assert.Equal(20_015_114.44, distance, 0.01);
    }

    [Fact]
    public void Metres_FromNashvilleToLosAngeles_MatchesPublishedHaversineExample()
    {
        // Rosetta Code, "Haversine formula": BNA (36.12 N, 86.67 W) to LAX (33.94 N, 118.40 W) is
        // 2887.2599506 km on a sphere of radius 6372.8 km. The distance scales with the radius, so on
        // our 6371.0088 km sphere it is 2887.2599506 · 6371.0088 / 6372.8 = 2886.44843 km.
        var nashville = new GeoPoint(-86.67, 36.12);
        var losAngeles = new GeoPoint(-118.40, 33.94);

        Assert.Equal(2_886_448.4, GeoDistance.Metres(nashville, losAngeles), 0.5);
    }

    [Fact]
    public void Metres_IsSymmetricAndZeroForTheSamePoint()
    {
        var haikou = new GeoPoint(110.33, 20.03);
        var sanya = new GeoPoint(109.51, 18.25);

        Assert.Equal(0.0, GeoDistance.Metres(haikou, haikou));
        Assert.Equal(GeoDistance.Metres(haikou, sanya), GeoDistance.Metres(sanya, haikou), 1e-6);
    }
}
