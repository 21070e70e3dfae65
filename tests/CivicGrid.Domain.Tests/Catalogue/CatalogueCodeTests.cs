using CivicGrid.Domain.Catalogue;

namespace CivicGrid.Domain.Tests.Catalogue;

public class CatalogueCodeTests
{
    [Theory]
    [InlineData("01003", "01", "003")] // 雨水井盖
    [InlineData("02014", "02", "014")] // 交通信号灯
    [InlineData("06010", "06", "010")] // 暴露垃圾
    [InlineData("10002", "10", "002")] // 架空线缆脱落
    [InlineData("99999", "99", "999")]
    [InlineData("01001", "01", "001")]
    public void CatalogueCode_WithFiveDigits_SplitsIntoMajorAndMinor(string text, string major, string minor)
    {
        Assert.True(CatalogueCode.TryParse(text, out var code));
        Assert.Equal(major, code.Major);
        Assert.Equal(minor, code.Minor);
        Assert.Equal(text, code.Value);
        Assert.Equal(text, code.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1003")]
    [InlineData("010030")]
    [InlineData("00003")] // major 00
    [InlineData("01000")] // minor 000
    [InlineData("00000")]
    [InlineData("0100A")]
    [InlineData(" 1003")]
    [InlineData("01-03")]
    public void CatalogueCode_WithMalformedText_IsRejectedWithoutThrowing(string? text)
    {
        Assert.False(CatalogueCode.TryParse(text, out var code));
        Assert.Equal(default, code);
    }

    [Fact]
    public void Parse_WithMajorClassZero_ThrowsFormatExceptionSayingWhy()
    {
        var exception = Assert.Throws<FormatException>(() => CatalogueCode.Parse("00003"));

        Assert.Contains("5 digits", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'00003'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("major class must not be 00", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 3, "01003")]
    [InlineData(10, 2, "10002")]
    [InlineData(99, 999, "99999")]
    public void For_PadsMajorToTwoAndMinorToThreeDigits(int major, int minor, string expected)
    {
        Assert.Equal(expected, CatalogueCode.For(major, minor).Value);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(100, 1)]
    [InlineData(1, 0)]
    [InlineData(1, 1000)]
    public void For_WithPartsOutOfRange_Throws(int major, int minor)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CatalogueCode.For(major, minor));
    }

    [Fact]
    public void CatalogueCodes_WithSameDigits_AreEqual()
    {
        Assert.Equal(CatalogueCode.Parse("01003"), CatalogueCode.For(1, 3));
        Assert.NotEqual(CatalogueCode.Parse("01003"), CatalogueCode.Parse("01004"));
    }
}
