using CivicGrid.Domain.Catalogue;

namespace CivicGrid.Domain.Tests.Catalogue;

public class LegacyComponentIdTests
{
    [Fact]
    public void TryParseLegacy_WithDomainDocumentExample_SplitsIntoTheFourParts()
    {
        // docs/domain/catalogue.md §3: 3205080101000001 = division 320508, 01 public facilities, 01 water-supply cover, serial 1.
        Assert.True(ComponentId.TryParseLegacy("3205080101000001", out var legacy));

        Assert.Equal("320508", legacy.Division.Value);
        Assert.Equal("01", legacy.Major);
        Assert.Equal("01", legacy.Minor);
        Assert.Equal(1, legacy.Serial);
        Assert.Equal("3205080101000001", legacy.Value);
        Assert.Equal("3205080101000001", legacy.ToString());
    }

    [Fact]
    public void TryParseLegacy_WithLargeSerial_ReadsAllSixSerialDigits()
    {
        Assert.True(ComponentId.TryParseLegacy("4601050312987654", out var legacy));

        Assert.Equal("03", legacy.Major);
        Assert.Equal("12", legacy.Minor);
        Assert.Equal(987654, legacy.Serial);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("46010501003000001")] // the current 17-digit form
    [InlineData("320508010100001")] // 15 digits
    [InlineData("3205080001000001")] // major 00
    [InlineData("3205080100000001")] // minor 00
    [InlineData("3205080101000000")] // serial 0
    [InlineData("3200000101000001")] // prefecture part 00
    [InlineData("32050801010000x1")]
    public void TryParseLegacy_WithMalformedText_IsRejectedWithoutThrowing(string? text)
    {
        Assert.False(ComponentId.TryParseLegacy(text, out var legacy));
        Assert.Equal(default, legacy);
    }

    [Fact]
    public void Parse_WithSeventeenDigits_ThrowsFormatExceptionDescribingTheLegacyForm()
    {
        var exception = Assert.Throws<FormatException>(() => LegacyComponentId.Parse("46010501003000001"));

        Assert.Contains("16 digits", exception.Message, StringComparison.Ordinal);
        Assert.Contains("17 characters", exception.Message, StringComparison.Ordinal);
    }
}
