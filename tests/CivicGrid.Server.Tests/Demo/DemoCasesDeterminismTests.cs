using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.Demo;

/// <summary>The case history of small demo cities seeded at the same "now": two with the same seed, one with another.</summary>
public sealed class DemoCasesDeterminismTests(ThreeSeededCities cities) : IClassFixture<ThreeSeededCities>
{
    [Fact]
    public async Task TheSameSeed_GivesTheSameCases_NumbersStatusesPositionsAndHistory()
    {
        var first = await CasesAsync(cities.First);
        Assert.NotEmpty(first);
        Assert.Equal(first, await CasesAsync(cities.SameSeed));
        Assert.Equal(await HistoryAsync(cities.First), await HistoryAsync(cities.SameSeed));
    }

    [Fact]
    public async Task AnotherSeed_GivesOtherCases()
    {
        Assert.NotEqual(await CasesAsync(cities.First), await CasesAsync(cities.OtherSeed));
        Assert.NotEqual(await HistoryAsync(cities.First), await HistoryAsync(cities.OtherSeed));
    }

    [Fact]
    public async Task TheReport_CountsTheCasesWritten()
    {
        await using var db = cities.First.CreateContext();
        Assert.Equal(await db.Cases.CountAsync(), cities.FirstReport.Cases);
    }

    private static async Task<List<string>> CasesAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return (await db.Cases.AsNoTracking().OrderBy(c => c.Number).ToListAsync())
            .Select(c => $"{c.Number} {c.Status} {c.Channel} {c.TypeCode} {c.Longitude:F6},{c.Latitude:F6} {c.GridCode} {c.DepartmentId} {c.CreatedAt:O} {c.LastHistoryHash}")
            .ToList();
    }

    private static async Task<List<string>> HistoryAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.CaseHistory.AsNoTracking().OrderBy(e => e.CaseId).ThenBy(e => e.Sequence)
            .Select(e => e.Hash).ToListAsync();
    }
}
