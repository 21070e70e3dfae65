using CivicGrid.Domain.Calendar;

namespace CivicGrid.Domain.Tests.Calendar;

public sealed class WorkingHoursTextTests
{
    [Fact]
    public void Parse_TwoPeriods_GivesThemInOrder()
    {
        var periods = WorkingHoursText.Parse("08:30-12:00, 14:30-18:00");
        Assert.Equal([new WorkingPeriod(new TimeOnly(8, 30), new TimeOnly(12, 0)), new WorkingPeriod(new TimeOnly(14, 30), new TimeOnly(18, 0))], periods);
    }

    [Theory]
    [InlineData("")]
    [InlineData("8:30-12:00")]
    [InlineData("12:00-08:30")]
    [InlineData("08:30")]
    [InlineData("08:30-12:00-13:00")]
    [InlineData("25:00-26:00")]
    public void Parse_BadText_ThrowsFormatException(string text) =>
        Assert.Throws<FormatException>(() => WorkingHoursText.Parse(text));

    [Fact]
    public void Format_RoundTripsParse() =>
        Assert.Equal("09:00-12:00,13:30-17:30", WorkingHoursText.Format(WorkingHoursText.Parse("09:00-12:00,13:30-17:30")));
}
