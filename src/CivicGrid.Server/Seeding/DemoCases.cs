using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Server.Platform.Cli;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Seeding;

/// <summary>The demo city's case history over the past 90 days, told through the domain: every case is reported with
/// <see cref="Case.Report"/> and moved on with <see cref="Case.Apply"/> by the demo staff, so its history chain is
/// genuine. Most cases close on time; some close late, are reworked, returned, extended, suspended, rejected or voided;
/// the recent ones, and a few stuck ones, are still open at every status. The same seed and "now" give the same cases.</summary>
internal static class DemoCases
{
    /// <summary>Small stays fast (it is seeded at every test server start); city is ≈ 220 cases a day, a Haikou-sized
    /// pace; megacity (≈ 2,200 a day) is for benchmarks.</summary>
    public static int CountFor(DemoScale scale) => scale switch
    {
        DemoScale.Small => 300,
        DemoScale.City => 20_000,
        DemoScale.Megacity => 200_000,
        _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, "Unknown demo scale."),
    };

    public static async Task<int> CreateAsync(
        CivicGridDbContext db, DemoScale scale, int seed, DateTimeOffset now, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        now = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        var world = await DemoCaseWorld.LoadAsync(db, seed, cancellationToken);
        var arrivals = DemoCaseArrivals.Plan(CountFor(scale), now, world.Calendar, new Random(unchecked(seed * 31 + 7)));
        var firstId = (await db.Cases.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0) + 1;
        var plans = DemoCasePlanner.Plan(arrivals, firstId, world.City.CaseNumberPrefix, world, now, new Random(unchecked(seed * 31 + 8)));
        var story = new DemoCaseStory(world, now, new Random(unchecked(seed * 31 + 9)));
        await DemoCaseWriter.WriteAsync(db, world.City.Code, plans, plans.Select(story.Tell), progress, cancellationToken);
        return plans.Count;
    }
}
