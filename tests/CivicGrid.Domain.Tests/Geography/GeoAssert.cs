using CivicGrid.Domain.Geography;

namespace CivicGrid.Domain.Tests.Geography;

/// <summary>Assertions on positions. Distances use <see cref="GeoDistance"/>, which has its own tests against published figures.</summary>
internal static class GeoAssert
{
    public static void Near(GeoPoint expected, GeoPoint actual, double toleranceDegrees)
    {
        Assert.Equal(expected.Longitude, actual.Longitude, toleranceDegrees);
        Assert.Equal(expected.Latitude, actual.Latitude, toleranceDegrees);
    }

    public static void WithinMetres(GeoPoint expected, GeoPoint actual, double metres)
    {
        var distance = GeoDistance.Metres(expected, actual);
        Assert.True(distance < metres, $"Expected {actual} within {metres} m of {expected}, but it is {distance:F3} m away.");
    }
}
