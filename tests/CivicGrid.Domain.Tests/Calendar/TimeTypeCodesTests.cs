using CivicGrid.Domain.Calendar;

namespace CivicGrid.Domain.Tests.Calendar;

public class TimeTypeCodesTests
{
    [Theory]
    [InlineData(TimeType.UrgentHour, "urgent_hour")]
    [InlineData(TimeType.WorkHour, "work_hour")]
    [InlineData(TimeType.WorkDay, "work_day")]
    [InlineData(TimeType.NaturalDay, "natural_day")]
    public void ToCode_AndParse_RoundTrip(TimeType type, string code)
    {
        Assert.Equal(code, type.ToCode());
        Assert.Equal(type, TimeTypeCodes.Parse(code));
    }

    [Theory]
    [InlineData("WORK_DAY", TimeType.WorkDay)]
    [InlineData("Urgent_Hour", TimeType.UrgentHour)]
    [InlineData(" natural_day ", TimeType.NaturalDay)]
    public void Parse_IgnoresCaseAndSurroundingSpace(string code, TimeType expected)
    {
        Assert.Equal(expected, TimeTypeCodes.Parse(code));
    }

    [Theory]
    [InlineData("hours")]
    [InlineData("")]
    [InlineData("work day")]
    [InlineData(null)]
    public void TryParse_RejectsUnknownCodes(string? code)
    {
        Assert.False(TimeTypeCodes.TryParse(code, out _));
    }

    [Fact]
    public void Parse_AnUnknownCode_ThrowsFormatExceptionListingTheCodes()
    {
        var ex = Assert.Throws<FormatException>(() => TimeTypeCodes.Parse("workday"));
        Assert.Contains("work_day", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => TimeTypeCodes.Parse(null!));
    }

    [Fact]
    public void ToCode_OfAnUndefinedValue_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((TimeType)9).ToCode());
    }
}
