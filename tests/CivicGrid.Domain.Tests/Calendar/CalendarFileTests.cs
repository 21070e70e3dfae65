using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Calendar.Import;
using static CivicGrid.Domain.Tests.Calendar.TestCalendar;

namespace CivicGrid.Domain.Tests.Calendar;

public class CalendarFileTests
{
    [Fact]
    public void ACsvWithCommentsHeaderQuotesAndChineseKinds_IsRead()
    {
        var file = CalendarCsv.Read("\uFEFF# source: 国办\r\ndate,kind,name\r\n2027-01-01,休,元旦\r\n2027-02-06,班,\"春节调休, \"\"周六\"\"\"\r\n\r\n");

        Assert.True(file.IsValid, string.Join(" ", file.Errors));
        Assert.Equal(
            [new CalendarDay(Date("2027-01-01"), CalendarDayKind.Holiday, "元旦"), new CalendarDay(Date("2027-02-06"), CalendarDayKind.AdjustedWorkingDay, "春节调休, \"周六\"")],
            file.Days);
    }

    [Theory]
    [InlineData("2027-1-1,holiday,元旦", "line 1: the date")]
    [InlineData("2027-01-01,vacation,元旦", "line 1: the kind")]
    [InlineData("2027-01-01,holiday", "line 1: expected")]
    [InlineData("2027-01-01,holiday,", "line 1: the day 2027-01-01 needs a name")]
    [InlineData("2027-01-01,holiday,a\n2027-01-01,holiday,b", "line 2: 2027-01-01 is listed more than once")]
    public void ABadCsvLine_IsNamed(string csv, string expected)
    {
        var file = CalendarCsv.Read(csv);

        Assert.False(file.IsValid);
        Assert.StartsWith(expected, file.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void AnICalendarFile_GivesEveryDayOfItsEvents_WithTheKindFromTheEvent()
    {
        const string ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20271001\r\nDTEND;VALUE=DATE:20271003\r\n"
            + "SUMMARY:国庆节\\, 放假\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART:20270925T000000\r\nSUMMARY:国庆节\r\n X补\r\n"
            + "X-CIVICGRID-KIND:working_day\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20271009\r\nCATEGORIES:上班\r\nSUMMARY:调休\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

        var file = CalendarICal.Read(ics);

        Assert.True(file.IsValid, string.Join(" ", file.Errors));
        Assert.Equal(
            [
                new CalendarDay(Date("2027-10-01"), CalendarDayKind.Holiday, "国庆节, 放假"),
                new CalendarDay(Date("2027-10-02"), CalendarDayKind.Holiday, "国庆节, 放假"),
                new CalendarDay(Date("2027-09-25"), CalendarDayKind.AdjustedWorkingDay, "国庆节X补"),
                new CalendarDay(Date("2027-10-09"), CalendarDayKind.AdjustedWorkingDay, "调休"),
            ],
            file.Days);
    }

    [Theory]
    [InlineData("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nRRULE:FREQ=YEARLY\nSUMMARY:元旦\nEND:VEVENT\nEND:VCALENDAR", "event 1: recurring")]
    [InlineData("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270105\nDTEND;VALUE=DATE:20270101\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR", "event 1: DTEND")]
    [InlineData("2027-01-01,holiday,元旦", "The file is not an iCalendar file")]
    public void ABadICalendarFile_IsNamed(string ics, string expected)
    {
        Assert.StartsWith(expected, CalendarICal.Read(ics).Errors[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2027.csv", CalendarFileFormat.Csv)]
    [InlineData("text/csv; charset=utf-8", CalendarFileFormat.Csv)]
    [InlineData("holidays.ics", CalendarFileFormat.ICalendar)]
    [InlineData("text/calendar", CalendarFileFormat.ICalendar)]
    [InlineData("application/json", null)]
    public void TheFormat_ComesFromTheExtensionOrMediaType(string text, CalendarFileFormat? expected)
    {
        Assert.Equal(expected, CalendarFile.FormatOf(text));
    }
}
