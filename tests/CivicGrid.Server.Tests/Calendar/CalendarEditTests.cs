using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CivicGrid.Server.Tests.Cases;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Calendar;

/// <summary>Administrators edit the working calendar through the API: one day at a time, or a CSV or iCalendar file.
/// Each test works in its own year (2028–2030), so the order does not matter.</summary>
public abstract class CalendarEditTests<TDatabase>(CityHost<TDatabase> city) where TDatabase : TestDatabase, new()
{
    [Fact]
    public async Task AnAdministratorSetsAndDeletesADay_AndOtherStaffMayNot()
    {
        var admin = await city.SignInAs("admin");
        using var saved = await admin.PutAsJsonAsync("/api/v1/calendar/days/2028-05-20", new { kind = "holiday", name = "市庆日" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(("holiday", "市庆日"), await DayAsync("2028-05-20"));
        using var changed = await admin.PutAsJsonAsync("/api/v1/calendar/days/2028-05-20", new { kind = "working_day", name = "市庆日调休" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(("working_day", "市庆日调休"), await DayAsync("2028-05-20"));

        using var refused = await (await city.SignInAs("dispatcher")).PutAsJsonAsync("/api/v1/calendar/days/2028-05-21", new { kind = "holiday", name = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await AssertFieldAsync(await admin.PutAsJsonAsync("/api/v1/calendar/days/2028-05-22", new { kind = "vacation", name = "x" }), "kind");
        await AssertFieldAsync(await admin.PutAsJsonAsync("/api/v1/calendar/days/2028-05-22", new { kind = "holiday", name = new string('节', 65) }), "name");
        await AssertFieldAsync(await admin.PutAsJsonAsync("/api/v1/calendar/days/28-05-22", new { kind = "holiday", name = "x" }), "date");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/v1/calendar/days/2028-05-20")).StatusCode);
        Assert.Null(await DayAsync("2028-05-20"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/v1/calendar/days/2028-05-20")).StatusCode);
    }

    [Fact]
    public async Task AnICalendarFile_IsImportedAsHolidaysAndMakeUpWorkingDays_AndImportingItAgainChangesNothing()
    {
        const string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//holidays//ZH\r\n"
            + "BEGIN:VEVENT\r\nUID:a@test\r\nDTSTART;VALUE=DATE:20290501\r\nDTEND;VALUE=DATE:20290504\r\nSUMMARY:劳动节 休\r\nEND:VEVENT\r\n"
            + "BEGIN:VEVENT\r\nUID:b@test\r\nDTSTART;VALUE=DATE:20290428\r\nSUMMARY:劳动节 补班\r\nEND:VEVENT\r\n"
            + "END:VCALENDAR\r\n";
        Assert.Equal(4, (await ImportAsync(ics, "text/calendar")).GetProperty("added").GetInt32());
        Assert.Equal(("holiday", "劳动节 休"), await DayAsync("2029-05-03"));
        Assert.Equal(("working_day", "劳动节 补班"), await DayAsync("2029-04-28"));
        Assert.Null(await DayAsync("2029-05-04")); // DTEND is exclusive

        var again = await ImportAsync(ics, "text/calendar");
        Assert.Equal((0, 0, 4), (again.GetProperty("added").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()));
    }

    [Fact]
    public async Task ABadFile_ImportsNothing_AndNamesTheLine()
    {
        var admin = await city.SignInAs("admin");
        var csv = "date,kind,name\n2030-01-01,holiday,元旦\n2030-13-01,holiday,坏日期\n";
        using var bad = await admin.PostAsync("/api/v1/calendar/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var errors = await AssertFieldAsync(bad, "file");
        Assert.Contains("line 3", errors[0].GetString(), StringComparison.Ordinal);
        Assert.Null(await DayAsync("2030-01-01"));

        using var wrongType = await admin.PostAsync("/api/v1/calendar/import", new StringContent("2030-01-01,holiday,元旦", Encoding.UTF8, "application/xml"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        using var refused = await (await city.SignInAs("dispatcher")).PostAsync("/api/v1/calendar/import", new StringContent("2030-01-01,holiday,元旦", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null(await DayAsync("2030-01-01"));
    }

    private async Task<JsonElement> ImportAsync(string body, string mediaType)
    {
        using var response = await (await city.SignInAs("admin")).PostAsync("/api/v1/calendar/import", new StringContent(body, Encoding.UTF8, mediaType));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<(string?, string?)?> DayAsync(string date)
    {
        var calendar = await (await city.SignInAs("dispatcher")).GetFromJsonAsync<JsonElement>("/api/v1/calendar");
        return calendar.GetProperty("days").EnumerateArray().Where(d => d.GetProperty("date").GetString() == date)
            .Select(d => ((string?, string?)?)(d.GetProperty("kind").GetString(), d.GetProperty("name").GetString())).SingleOrDefault();
    }

    private static async Task<JsonElement[]> AssertFieldAsync(HttpResponseMessage response, string field)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            return [.. problem.GetProperty("errors").GetProperty(field).EnumerateArray()];
        }
    }
}

public sealed class SqliteCalendarEditTests(SqliteCity city) : CalendarEditTests<SqliteTestDatabase>(city), IClassFixture<SqliteCity>;

public sealed class PostgresCalendarEditTests(PostgresCity city) : CalendarEditTests<PostgresTestDatabase>(city), IClassFixture<PostgresCity>;
