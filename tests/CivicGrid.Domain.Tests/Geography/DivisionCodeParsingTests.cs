using CivicGrid.Domain.Geography;

namespace CivicGrid.Domain.Tests.Geography;

public class DivisionCodeParsingTests
{
    [Theory]
    [InlineData("460100", AdministrativeLevel.City)] // 海口市
    [InlineData("441900", AdministrativeLevel.City)] // 东莞市, a city without districts
    [InlineData("469000", AdministrativeLevel.City)] // 海南省直辖县级行政区划 grouping code
    [InlineData("460105", AdministrativeLevel.District)] // 秀英区
    [InlineData("460106", AdministrativeLevel.District)] // 龙华区
    [InlineData("460107", AdministrativeLevel.District)] // 琼山区
    [InlineData("460108", AdministrativeLevel.District)] // 美兰区
    [InlineData("110101", AdministrativeLevel.District)] // 北京 东城区
    [InlineData("469001", AdministrativeLevel.District)] // 五指山市, county-level city
    [InlineData("460105001", AdministrativeLevel.Street)]
    [InlineData("441900003", AdministrativeLevel.Street)] // a street directly under 东莞
    [InlineData("460400100", AdministrativeLevel.Street)] // a town directly under 儋州
    [InlineData("460105001001", AdministrativeLevel.Community)]
    [InlineData("460106100201", AdministrativeLevel.Community)] // a village (村委会, 2xx)
    public void DivisionCode_WithValidDigits_ParsesAtTheExpectedLevel(string text, AdministrativeLevel expected)
    {
        Assert.True(DivisionCode.TryParse(text, out var code));
        Assert.Equal(expected, code.Level);
        Assert.Equal(text, code.Value);
        Assert.Equal(text, code.ToString());
    }

    [Fact]
    public void DivisionCode_WithNineDigits_IsStreetLevel()
    {
        Assert.Equal(AdministrativeLevel.Street, DivisionCode.Parse("460106001").Level);
    }

    [Fact]
    public void DivisionCode_WithSixDigitsEndingInDoubleZero_IsCityLevel()
    {
        Assert.Equal(AdministrativeLevel.City, DivisionCode.Parse("460200").Level);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("46010")] // 5 digits
    [InlineData("4601050")] // 7
    [InlineData("46010500")] // 8
    [InlineData("4601050010")] // 10
    [InlineData("46010500100")] // 11
    [InlineData("4601050010011")] // 13
    [InlineData("46010a")]
    [InlineData(" 46010")]
    [InlineData("460105 ")]
    [InlineData("-46010")]
    [InlineData("４６０１０５")] // full-width digits
    [InlineData("460000")] // province level
    [InlineData("000105")] // province part 00
    [InlineData("460005")] // prefecture part 00
    [InlineData("460105000")] // street part 000
    [InlineData("460105001000")] // community part 000
    [InlineData("460105000001")] // street part 000 inside a community code
    public void DivisionCode_WithMalformedText_IsRejectedWithoutThrowing(string? text)
    {
        Assert.False(DivisionCode.TryParse(text, out var code));
        Assert.Equal(default, code);
    }

    [Fact]
    public void Parse_WithAllZeroStreetPart_ThrowsFormatExceptionSayingWhy()
    {
        var exception = Assert.Throws<FormatException>(() => DivisionCode.Parse("460105000"));

        Assert.Contains("6, 9 or 12 digits", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'460105000'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("street part", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WithWrongLength_ThrowsFormatExceptionGivingTheLength()
    {
        var exception = Assert.Throws<FormatException>(() => DivisionCode.Parse("4601050"));

        Assert.Contains("7 characters", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DivisionCodes_WithSameDigits_AreEqual()
    {
        Assert.Equal(DivisionCode.Parse("460105"), DivisionCode.Parse("460105"));
        Assert.NotEqual(DivisionCode.Parse("460105"), DivisionCode.Parse("460106"));
    }

    [Fact]
    public void DefaultDivisionCode_HasEmptyValueAndNoLevel()
    {
        DivisionCode code = default;

        Assert.Equal(string.Empty, code.Value);
        Assert.Throws<InvalidOperationException>(() => code.Level);
    }
}
