using CivicGrid.Domain.Calendar;

namespace CivicGrid.Domain.Tests.Calendar;

public class TimeLimitTests
{
    [Fact]
    public void Factories_StoreMinutesForHourTypesAndDaysForDayTypes()
    {
        Assert.Equal(new TimeLimit(TimeType.UrgentHour, 15), TimeLimit.UrgentMinutes(15));
        Assert.Equal(new TimeLimit(TimeType.UrgentHour, 120), TimeLimit.UrgentHours(2));
        Assert.Equal(new TimeLimit(TimeType.WorkHour, 30), TimeLimit.WorkMinutes(30));
        Assert.Equal(new TimeLimit(TimeType.WorkHour, 60), TimeLimit.WorkHours(1));
        Assert.Equal(new TimeLimit(TimeType.WorkDay, 3), TimeLimit.WorkDays(3));
        Assert.Equal(new TimeLimit(TimeType.NaturalDay, 15), TimeLimit.NaturalDays(15));
    }

    [Fact]
    public void TwoHours_EqualsOneHundredTwentyMinutes()
    {
        Assert.Equal(TimeLimit.WorkMinutes(120), TimeLimit.WorkHours(2));
        Assert.NotEqual(TimeLimit.UrgentMinutes(120), TimeLimit.WorkHours(2));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Constructor_WithANonPositiveAmount_Throws(int amount)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new TimeLimit(TimeType.WorkDay, amount));
        Assert.Equal("amount", ex.ParamName);
    }

    [Fact]
    public void Factories_WithANonPositiveAmount_NameTheirParameter()
    {
        Assert.Equal("minutes", Assert.Throws<ArgumentOutOfRangeException>(() => TimeLimit.UrgentMinutes(0)).ParamName);
        Assert.Equal("hours", Assert.Throws<ArgumentOutOfRangeException>(() => TimeLimit.UrgentHours(-1)).ParamName);
        Assert.Equal("minutes", Assert.Throws<ArgumentOutOfRangeException>(() => TimeLimit.WorkMinutes(-1)).ParamName);
        Assert.Equal("hours", Assert.Throws<ArgumentOutOfRangeException>(() => TimeLimit.WorkHours(0)).ParamName);
        Assert.Equal("days", Assert.Throws<ArgumentOutOfRangeException>(() => TimeLimit.WorkDays(0)).ParamName);
        Assert.Equal("days", Assert.Throws<ArgumentOutOfRangeException>(() => TimeLimit.NaturalDays(-3)).ParamName);
    }

    [Fact]
    public void Hours_ThatOverflowMinutes_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeLimit.WorkHours(int.MaxValue));
    }

    [Fact]
    public void Constructor_WithAnUndefinedType_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new TimeLimit((TimeType)42, 1));
        Assert.Equal("type", ex.ParamName);
    }

    [Fact]
    public void ToString_IsReadable()
    {
        Assert.Equal("2 work_hour", TimeLimit.WorkHours(2).ToString());
        Assert.Equal("15 min urgent_hour", TimeLimit.UrgentMinutes(15).ToString());
        Assert.Equal("90 min work_hour", TimeLimit.WorkMinutes(90).ToString());
        Assert.Equal("3 work_day", TimeLimit.WorkDays(3).ToString());
        Assert.Equal("1 natural_day", TimeLimit.NaturalDays(1).ToString());
    }

    [Fact]
    public void Deconstruct_GivesTypeAndAmount()
    {
        var (type, amount) = TimeLimit.WorkDays(5);

        Assert.Equal(TimeType.WorkDay, type);
        Assert.Equal(5, amount);
    }
}
