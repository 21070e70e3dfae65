using CivicGrid.Domain.Calendar;

namespace CivicGrid.Domain.Tests.Calendar;

public class DeadlineLightsTests
{
    [Theory]
    [InlineData(0.0, DeadlineLight.Green)]
    [InlineData(0.79, DeadlineLight.Green)]
    [InlineData(0.7999999, DeadlineLight.Green)]
    [InlineData(0.8, DeadlineLight.Yellow)]
    [InlineData(0.95, DeadlineLight.Yellow)]
    [InlineData(1.0, DeadlineLight.Yellow)] // closed exactly at the deadline: on time
    [InlineData(1.0001, DeadlineLight.Red)]
    [InlineData(3.0, DeadlineLight.Red)]
    public void For_MapsTheUsedFractionToALight(double usedFraction, DeadlineLight expected)
    {
        Assert.Equal(expected, DeadlineLights.For(usedFraction));
    }

    [Fact]
    public void For_NotANumber_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineLights.For(double.NaN));
        Assert.Equal("usedFraction", ex.ParamName);
    }
}
