using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Geography;

namespace CivicGrid.Domain.Tests.Catalogue;

public class ComponentIdTests
{
    [Theory]
    [InlineData("46010501003000001", "460105", "01003", 1)] // 秀英区 雨水井盖 No. 1
    [InlineData("46010801037012345", "460108", "01037", 12345)] // 美兰区 路灯
    [InlineData("44190003005999999", "441900", "03005", 999999)] // 东莞 (no districts) 垃圾箱
    public void ComponentId_WithSeventeenDigits_SplitsIntoDivisionTypeAndSerial(string text, string division, string type, int serial)
    {
        Assert.True(ComponentId.TryParse(text, out var id));
        Assert.Equal(division, id.Division.Value);
        Assert.Equal(type, id.Type.Value);
        Assert.Equal(serial, id.Serial);
        Assert.Equal(text, id.Value);
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("3205080101000001")] // the legacy 16-digit form
    [InlineData("460105010030000011")] // 18 digits
    [InlineData("46010501003000000")] // serial 0
    [InlineData("46010500003000001")] // major class 00
    [InlineData("46010501000000001")] // minor class 000
    [InlineData("46000001003000001")] // province-level division
    [InlineData("00010501003000001")] // province part 00
    [InlineData("4601050100300000A")]
    [InlineData("46010501003 00001")]
    public void ComponentId_WithMalformedText_IsRejectedWithoutThrowing(string? text)
    {
        Assert.False(ComponentId.TryParse(text, out var id));
        Assert.Equal(default, id);
    }

    [Fact]
    public void Parse_WithZeroSerial_ThrowsFormatExceptionSayingWhy()
    {
        var exception = Assert.Throws<FormatException>(() => ComponentId.Parse("46010501003000000"));

        Assert.Contains("17 digits", exception.Message, StringComparison.Ordinal);
        Assert.Contains("serial must not be all zeros", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WithBadTypePart_ThrowsFormatExceptionNamingThePart()
    {
        var exception = Assert.Throws<FormatException>(() => ComponentId.Parse("46010501000000001"));

        Assert.Contains("type code '01000'", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "46010501003000001")]
    [InlineData(4711, "46010501003004711")]
    [InlineData(999999, "46010501003999999")]
    public void For_PadsTheSerialToSixDigits(int serial, string expected)
    {
        var id = ComponentId.For(DivisionCode.Parse("460105"), CatalogueCode.Parse("01003"), serial);

        Assert.Equal(expected, id.Value);
    }

    [Fact]
    public void For_InACityWithoutDistricts_AcceptsTheCityCode()
    {
        var id = ComponentId.For(DivisionCode.Parse("441900"), CatalogueCode.Parse("03005"), 1);

        Assert.Equal("44190003005000001", id.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1_000_000)]
    public void For_WithSerialOutside1To999999_Throws(int serial)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ComponentId.For(DivisionCode.Parse("460105"), CatalogueCode.Parse("01003"), serial));
    }

    [Theory]
    [InlineData("460105001")]
    [InlineData("460105001001")]
    public void For_WithStreetOrCommunityCode_Throws(string division)
    {
        Assert.Throws<ArgumentException>(() => ComponentId.For(DivisionCode.Parse(division), CatalogueCode.Parse("01003"), 1));
    }

    [Fact]
    public void For_WithDefaultType_Throws()
    {
        Assert.Throws<ArgumentException>(() => ComponentId.For(DivisionCode.Parse("460105"), default, 1));
    }
}
