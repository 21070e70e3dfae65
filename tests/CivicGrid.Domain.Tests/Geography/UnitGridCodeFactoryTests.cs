using CivicGrid.Domain.Geography;

namespace CivicGrid.Domain.Tests.Geography;

public class UnitGridCodeFactoryTests
{
    private static readonly DivisionCode Community = DivisionCode.Parse("460105001001");

    [Theory]
    [InlineData(1, "46010500100101")]
    [InlineData(42, "46010500100142")]
    [InlineData(99, "46010500100199")]
    [InlineData(100, "460105001001100")]
    [InlineData(999, "460105001001999")]
    public void For_UsesTwoDigitsUpTo99AndThreeAbove(int serial, string expected)
    {
        var code = UnitGridCode.For(Community, serial);

        Assert.Equal(expected, code.Value);
        Assert.Equal(serial, code.Serial);
        Assert.Equal(Community, code.Community);
    }

    [Fact]
    public void For_WithThreeDigitWidth_PadsSmallSerials()
    {
        Assert.Equal("460105001001007", UnitGridCode.For(Community, 7, 3).Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1000)]
    public void For_WithSerialOutside1To999_Throws(int serial)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => UnitGridCode.For(Community, serial));
    }

    [Theory]
    [InlineData(100, 2)]
    [InlineData(1, 4)]
    [InlineData(1, 1)]
    public void For_WithSerialThatDoesNotFitTheWidth_Throws(int serial, int width)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => UnitGridCode.For(Community, serial, width));
    }

    [Theory]
    [InlineData("460105")]
    [InlineData("460105001")]
    [InlineData("460100")]
    public void For_WithCodeAboveCommunityLevel_Throws(string division)
    {
        var exception = Assert.Throws<ArgumentException>(() => UnitGridCode.For(DivisionCode.Parse(division), 1));

        Assert.Equal("community", exception.ParamName);
    }

    [Fact]
    public void For_WithDefaultCommunity_Throws()
    {
        Assert.Throws<ArgumentException>(() => UnitGridCode.For(default, 1));
    }
}
