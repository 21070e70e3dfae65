using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CivicGrid.Server.Tests.Cases;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Calendar;

/// <summary>Every install has the State Council schedules of 2025 and 2026 (added by migrate); on 26 Nov 2026 (the test
/// servers' clock) they do not cover the next 60 days, which the calendar API and /healthz/ready say until the 2027
/// schedule is imported. Imports change the calendar, so each provider has a server of its own.</summary>
public abstract class CalendarCoverageTests<TDatabase>(CityHost<TDatabase> city) where TDatabase : TestDatabase, new()
{
    [Fact]
    public async Task TheShippedSchedulesAreThere_AndTheCalendarWarnsUntilTheNextYearIsImported()
    {
        var calendar = await (await city.SignInAs("dispatcher")).GetFromJsonAsync<JsonElement>("/api/v1/calendar");
        Assert.Equal([2025, 2026], calendar.GetProperty("coveredYears").EnumerateArray().Select(y => y.GetInt32()));
        Assert.False(calendar.GetProperty("coversNext60Days").GetBoolean());
        Assert.Equal("2026-12-31", calendar.GetProperty("coveredThrough").GetString());
        var days = calendar.GetProperty("days").EnumerateArray().ToDictionary(d => d.GetProperty("date").GetString()!, d => d.GetProperty("kind").GetString());
        Assert.Equal(72, days.Count);
        Assert.Equal("holiday", days["2025-01-28"]);
        Assert.Equal("working_day", days["2025-10-11"]);
        Assert.Equal("working_day", days["2026-02-14"]);
        Assert.Equal("holiday", days["2026-10-07"]);

        var degraded = await ReadyAsync();
        Assert.Equal("Degraded", degraded.GetProperty("status").GetString());
        var check = degraded.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "calendar");
        Assert.Contains("2026-12-31", check.GetProperty("description").GetString(), StringComparison.Ordinal);

        var csv = "date,kind,name\n2027-01-01,holiday,元旦\n2027-02-06,working_day,春节调休\n";
        using var imported = await (await city.SignInAs("admin")).PostAsync("/api/v1/calendar/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var summary = await imported.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, summary.GetProperty("added").GetInt32());
        Assert.True(summary.GetProperty("coversNext60Days").GetBoolean());

        Assert.Equal("Healthy", (await ReadyAsync()).GetProperty("status").GetString());
        var after = await (await city.SignInAs("dispatcher")).GetFromJsonAsync<JsonElement>("/api/v1/calendar");
        Assert.True(after.GetProperty("coversNext60Days").GetBoolean());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("warning").ValueKind);
    }

    private async Task<JsonElement> ReadyAsync()
    {
        using var response = await city.Anonymous.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

public sealed class SqliteCalendarCoverageTests(SqliteCity city) : CalendarCoverageTests<SqliteTestDatabase>(city), IClassFixture<SqliteCity>;

public sealed class PostgresCalendarCoverageTests(PostgresCity city) : CalendarCoverageTests<PostgresTestDatabase>(city), IClassFixture<PostgresCity>;
