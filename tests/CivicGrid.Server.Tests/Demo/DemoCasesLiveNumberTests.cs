using CivicGrid.Server.Features.Cases;
using CivicGrid.Server.Tests.Cases;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.Demo;

/// <summary>A report taken in through the API after the demo history continues the day's numbers and the ids.</summary>
public abstract class DemoCasesLiveNumberTests<TDatabase>(CityHost<TDatabase> city) where TDatabase : TestDatabase, new()
{
    [Fact]
    public async Task AReportThroughTheApiAfterSeeding_GetsTheNextNumberOfTheDay_AndANewId()
    {
        var today = new DateOnly(2026, 11, 26);
        long lastId;
        int lastToday;
        await using (var db = city.Db())
        {
            lastId = await db.Cases.MaxAsync(c => c.Id);
            lastToday = await db.CaseNumberCounters.Where(c => c.Day == today).Select(c => (int?)c.Last).SingleOrDefaultAsync() ?? 0;
            Assert.True(await db.CaseNumberCounters.CountAsync() >= 80, "the demo history left no daily counters");
        }

        var (lon, lat) = await city.PointInXiuying();
        var created = await city.Report("operator", Reports.At("06013", lon, lat, "秀英区道路破损 after the demo"));

        Assert.Equal($"HK20261126{lastToday + 1:D5}", created.GetProperty("number").GetString());
        Assert.True(created.GetProperty("id").GetInt64() > lastId);
        await using var after = city.Db();
        Assert.Equal(1, await after.Cases.CountAsync(c => c.Number == created.GetProperty("number").GetString()));
    }

    [Fact]
    public async Task TheLiveNumbering_ContinuesTheBusiestDemoDay_WithoutReusingANumber()
    {
        await using var db = city.Db();
        var busiest = await db.CaseNumberCounters.OrderByDescending(c => c.Last).ThenBy(c => c.Day).FirstAsync();
        var prefix = $"HK{busiest.Day:yyyyMMdd}";
        Assert.Equal(busiest.Last, await db.Cases.CountAsync(c => c.Number.StartsWith(prefix)));

        await using var transaction = await db.Database.BeginTransactionAsync();
        var next = await CaseNumbers.NextAsync(db, "460100", "HK", busiest.Day, CancellationToken.None);
        Assert.Equal($"{prefix}{busiest.Last + 1:D5}", next);
        Assert.False(await db.Cases.AnyAsync(c => c.Number == next));
    }
}

public sealed class SqliteDemoCasesLiveNumberTests(SqliteCity city) : DemoCasesLiveNumberTests<SqliteTestDatabase>(city), IClassFixture<SqliteCity>;

public sealed class PostgresDemoCasesLiveNumberTests(PostgresCity city) : DemoCasesLiveNumberTests<PostgresTestDatabase>(city), IClassFixture<PostgresCity>;
