using CivicGrid.Data.Calendar;
using CivicGrid.Domain.Calendar;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CivicGrid.Server.Tests.Calendar;

/// <summary>The `migrate` verb adds the shipped State Council schedules to a database upgraded from before them, keeps a
/// date the city entered itself, and does not bring back a day the city deleted; `import calendar` reads a file.</summary>
public abstract class CalendarMigrateTests<TDatabase> : IAsyncLifetime where TDatabase : TestDatabase, new()
{
    private const string Before = "EvaluationQuarterBuckets";

    protected TDatabase Database { get; } = new();

    public Task InitializeAsync() => Database.InitializeAsync();

    public Task DisposeAsync() => Database.DisposeAsync();

    [Fact]
    public async Task Migrate_AddsTheShippedSchedulesOnce_KeepingTheCitysOwnDates()
    {
        await using (var db = Database.CreateContext())
        {
            var previous = db.Database.GetMigrations().Last(m => m.EndsWith("_" + Before, StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(previous);
            db.CalendarDays.Add(new CalendarDay(new DateOnly(2026, 10, 8), CalendarDayKind.Holiday, "本市国庆延长"));
            db.CalendarDays.Add(new CalendarDay(new DateOnly(2026, 10, 1), CalendarDayKind.Holiday, "本市名称"));
            await db.SaveChangesAsync();
        }

        var first = await CliAsync("migrate");
        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        await using (var db = Database.CreateContext())
        {
            var days = await db.CalendarDays.AsNoTracking().ToDictionaryAsync(d => d.Date);
            Assert.Equal(ShippedCalendar.Days.Count + 1, days.Count);
            Assert.Equal("本市国庆延长", days[new DateOnly(2026, 10, 8)].Name);
            Assert.Equal("本市名称", days[new DateOnly(2026, 10, 1)].Name);
            Assert.Equal(CalendarDayKind.Holiday, days[new DateOnly(2025, 1, 28)].Kind);
            Assert.Equal(CalendarDayKind.AdjustedWorkingDay, days[new DateOnly(2026, 9, 20)].Kind);
            await db.CalendarDays.Where(d => d.Date == new DateOnly(2025, 1, 28)).ExecuteDeleteAsync();
        }

        var second = await CliAsync("migrate");
        Assert.True(second.ExitCode == 0, second.Output + second.Error);
        Assert.Contains("up to date", second.Output, StringComparison.Ordinal);
        await using (var db = Database.CreateContext())
        {
            Assert.False(await db.CalendarDays.AnyAsync(d => d.Date == new DateOnly(2025, 1, 28)));
            Assert.Equal(ShippedCalendar.Days.Count, await db.CalendarDays.CountAsync());
        }
    }

    [Fact]
    public async Task ImportCalendar_AddsTheDaysOfAFile_AndRefusesABadOneWithItsLine()
    {
        Assert.Equal(0, (await CliAsync("migrate")).ExitCode);
        var folder = Directory.CreateTempSubdirectory("civicgrid-calendar-").FullName;
        try
        {
            var good = Path.Combine(folder, "2027.csv");
            await File.WriteAllTextAsync(good, "# 2027\ndate,kind,name\n2027-01-01,holiday,元旦\n2027-02-06,working_day,\"春节调休, 周六\"\n");
            var imported = await CliAsync("import", "calendar", good);
            Assert.True(imported.ExitCode == 0, imported.Output + imported.Error);
            Assert.Contains("2 days added", imported.Output, StringComparison.Ordinal);

            var bad = Path.Combine(folder, "bad.csv");
            await File.WriteAllTextAsync(bad, "2027-10-01,holiday,国庆节\n2027-10-02,vacation,国庆节\n");
            var refused = await CliAsync("import", "calendar", bad);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("line 2", refused.Error, StringComparison.Ordinal);

            await using var db = Database.CreateContext();
            Assert.Equal("春节调休, 周六", (await db.CalendarDays.SingleAsync(d => d.Date == new DateOnly(2027, 2, 6))).Name);
            Assert.False(await db.CalendarDays.AnyAsync(d => d.Date == new DateOnly(2027, 10, 1)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<(int ExitCode, string Output, string Error)> CliAsync(params string[] args)
    {
        var data = Directory.CreateTempSubdirectory("civicgrid-cli-").FullName;
        var environment = new Dictionary<string, string?>
        {
            ["Database__Provider"] = Database.Provider.ToString(),
            ["Database__ConnectionString"] = Database.ConnectionString,
            ["CIVICGRID_DATA"] = data,
        };
        try
        {
            return await ServerProcess.RunAsync(environment, ServerProcess.Patience, args);
        }
        finally
        {
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }
}

public sealed class SqliteCalendarMigrateTests : CalendarMigrateTests<SqliteTestDatabase>;

public sealed class PostgresCalendarMigrateTests : CalendarMigrateTests<PostgresTestDatabase>;
