using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Cases;

namespace CivicGrid.Domain.Tests.Cases;

public class DeadlineRecordTests
{
    private static readonly DateTimeOffset Due = new(2026, 11, 26, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public void AWorkHourLimit_IsWrittenWithItsUnit_AndReadBack()
    {
        var text = DeadlineRecord.Format(Due, TimeLimit.WorkMinutes(240), beyondCalendar: false);

        Assert.Equal("due=2026-11-26T10:30:00.000Z;limit=240 minute work_hour", text);
        Assert.Equal(new DeadlineRecord(Due, TimeLimit.WorkMinutes(240), false), DeadlineRecord.Parse(text));
    }

    [Fact]
    public void ADeadlineBeyondTheCalendar_IsMarked_AndReadBack()
    {
        var text = DeadlineRecord.Format(Due, TimeLimit.WorkDays(3), beyondCalendar: true);

        Assert.Equal("due=2026-11-26T10:30:00.000Z;limit=3 day work_day;calendar=beyond", text);
        Assert.True(DeadlineRecord.Parse(text)!.BeyondCalendar);
        Assert.Equal(TimeLimit.WorkDays(3), DeadlineRecord.Parse(text)!.Limit);
    }

    [Theory]
    [InlineData("due=2026-11-26T10:30:00.000Z;limit=240 work_hour", TimeType.WorkHour, 240)]
    [InlineData("due=2026-11-26T10:30:00.000Z;limit=30 urgent_hour", TimeType.UrgentHour, 30)]
    [InlineData("due=2026-11-26T10:30:00.000Z;limit=1 work_day", TimeType.WorkDay, 1)]
    public void AnEntryWrittenBeforeTheUnitWasRecorded_IsReadInTheTypesUnit(string text, TimeType type, int amount)
    {
        var record = DeadlineRecord.Parse(text)!;

        Assert.Equal(Due, record.DueAt);
        Assert.Equal(new TimeLimit(type, amount), record.Limit);
        Assert.False(record.BeyondCalendar);
    }

    [Fact]
    public void NoDueInstant_IsNoRecord()
    {
        Assert.Null(DeadlineRecord.Format(null, TimeLimit.WorkDays(1), beyondCalendar: true));
        Assert.Null(DeadlineRecord.Parse(null));
    }
}
