using CivicGrid.Domain.Geography;

namespace CivicGrid.Domain.Tests.Geography;

public class UnitGridCodeParsingTests
{
    [Theory]
    [InlineData("46010500100101", "460105001001", 1)]
    [InlineData("46010500100199", "460105001001", 99)]
    [InlineData("460105001001123", "460105001001", 123)] // Beijing-style 3-digit serial
    [InlineData("460105001001007", "460105001001", 7)]
    [InlineData("44190000300205", "441900003002", 5)] // community under a street directly under 东莞
    public void UnitGridCode_WithFourteenOrFifteenDigits_IsNumericWithCommunityAndSerial(string text, string community, int serial)
    {
        Assert.True(UnitGridCode.TryParse(text, out var code));
        Assert.True(code.IsNumeric);
        Assert.Equal(community, code.Community?.Value);
        Assert.Equal(serial, code.Serial);
        Assert.Equal(text, code.Value);
        Assert.Equal(text, code.ToString());
    }

    [Fact]
    public void UnitGridCode_AlphanumericStartingWithACommunityCode_ExposesTheCommunityButNoSerial()
    {
        var code = UnitGridCode.Parse("4601050010010A1");

        Assert.False(code.IsNumeric);
        Assert.Equal("460105001001", code.Community?.Value);
        Assert.Null(code.Serial);
    }

    [Theory]
    [InlineData("ABCDEFGHJKLMN12")]
    [InlineData("460105000001AB1")] // first 12 digits are not a valid community code
    [InlineData("46010500100A001")] // a letter within the first 12 characters
    [InlineData("ZZZZZZZZZZZZZZZ")]
    public void UnitGridCode_AlphanumericWithoutACommunityPrefix_HasNoCommunity(string text)
    {
        var code = UnitGridCode.Parse(text);

        Assert.False(code.IsNumeric);
        Assert.Null(code.Community);
        Assert.Null(code.Serial);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("4601050010010")] // 13 digits
    [InlineData("4601050010011234")] // 16 digits
    [InlineData("46010500100100")] // serial 00
    [InlineData("460105001001000")] // serial 000
    [InlineData("46010500000101")] // street part 000
    [InlineData("46010500100001")] // community part 000
    [InlineData("00010500100101")] // province part 00
    [InlineData("4601050010010A")] // 14 characters with a letter
    [InlineData("4601050010010a1")] // lower case is not normalised
    [InlineData("abcdefghjklmn12")]
    [InlineData("4601050010010-1")]
    [InlineData("46010500100101 ")]
    [InlineData("4601050010010Ä1")]
    public void UnitGridCode_WithMalformedText_IsRejectedWithoutThrowing(string? text)
    {
        Assert.False(UnitGridCode.TryParse(text, out var code));
        Assert.Equal(default, code);
    }

    [Fact]
    public void Parse_WithGarbage_ThrowsFormatExceptionDescribingTheForms()
    {
        var exception = Assert.Throws<FormatException>(() => UnitGridCode.Parse("X"));

        Assert.StartsWith("A unit grid code has 14 or 15 digits, or 15 characters [0-9A-Z]; got 'X'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WithLowerCaseLetters_ThrowsFormatExceptionAskingForUpperCase()
    {
        var exception = Assert.Throws<FormatException>(() => UnitGridCode.Parse("4601050010010a1"));

        Assert.Contains("upper case", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnitGridCodes_WithTwoAndThreeDigitSerials_AreDifferentCodes()
    {
        Assert.NotEqual(UnitGridCode.Parse("46010500100105"), UnitGridCode.Parse("460105001001005"));
        Assert.Equal(UnitGridCode.Parse("46010500100105"), UnitGridCode.Parse("46010500100105"));
    }
}
