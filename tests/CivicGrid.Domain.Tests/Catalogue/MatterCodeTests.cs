using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Geography;

namespace CivicGrid.Domain.Tests.Catalogue;

public class MatterCodeTests
{
    [Theory]
    [InlineData("46010506010", "460105", "06010")] // 秀英区 暴露垃圾
    [InlineData("46010809006", "460108", "09006")] // 美兰区 占道经营
    [InlineData("44190007001", "441900", "07001")] // 东莞 非法小广告
    public void MatterCode_WithElevenDigits_SplitsIntoDivisionAndType(string text, string division, string type)
    {
        Assert.True(MatterCode.TryParse(text, out var code));
        Assert.Equal(division, code.Division.Value);
        Assert.Equal(type, code.Type.Value);
        Assert.Equal(text, code.Value);
        Assert.Equal(text, code.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("4601050601")] // 10 digits
    [InlineData("460105060100")] // 12 digits
    [InlineData("46010500010")] // major 00
    [InlineData("46010506000")] // minor 000
    [InlineData("46000006010")] // province-level division
    [InlineData("4601050601A")]
    [InlineData("460105-6010")]
    public void MatterCode_WithMalformedText_IsRejectedWithoutThrowing(string? text)
    {
        Assert.False(MatterCode.TryParse(text, out var code));
        Assert.Equal(default, code);
    }

    [Fact]
    public void Parse_WithBadDivision_ThrowsFormatExceptionNamingThePart()
    {
        var exception = Assert.Throws<FormatException>(() => MatterCode.Parse("46000006010"));

        Assert.Contains("11 digits", exception.Message, StringComparison.Ordinal);
        Assert.Contains("division code '460000'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void For_JoinsDivisionAndType()
    {
        var code = MatterCode.For(DivisionCode.Parse("460105"), CatalogueCode.Parse("06010"));

        Assert.Equal("46010506010", code.Value);
    }

    [Fact]
    public void For_WithStreetCode_Throws()
    {
        Assert.Throws<ArgumentException>(() => MatterCode.For(DivisionCode.Parse("460105001"), CatalogueCode.Parse("06010")));
    }
}
