using CivicGrid.Server.Features.Catalogue;
using CivicGrid.Server.Features.PublicService;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.PublicService;

/// <summary>The citizens' short list of problems (issue 17 item 3) maps to types the catalogue offers, and a list that
/// does not stops the server from starting.</summary>
public sealed class CitizenProblemsTests
{
    [Fact]
    public async Task TheShippedList_MapsEveryProblemToAnOfferedCatalogueType_WithOtherLast()
    {
        await using var database = new SqliteTestDatabase();
        await database.InitializeAsync();
        await using var server = await RunningServer.StartAsync(database, demo: false);

        var problems = server.Services.GetRequiredService<CitizenProblems>().All;
        await using var db = database.CreateContext();
        var offered = await db.CatalogueTypes.AsNoTracking().Offered(db).Select(t => new { t.Kind, t.Code, t.Name }).ToListAsync();
        Assert.InRange(problems.Count, 10, 16);
        Assert.Equal("其他", problems[^1].Name);
        Assert.True(problems[^1].IsOther);
        foreach (var problem in problems.SkipLast(1))
            Assert.Contains(offered, t => t.Kind == problem.Kind && t.Code == problem.TypeCode);
        var manhole = Assert.Single(problems, p => p.Name == "井盖缺失/破损");
        Assert.Equal("不明井盖异常", offered.Single(t => t.Kind == manhole.Kind && t.Code == manhole.TypeCode).Name);
    }

    [Fact]
    public async Task AListNamingATypeTheCatalogueDoesNotOffer_StopsTheStart_NamingTheEntryAndTheSetting()
    {
        var file = Path.Combine(Path.GetTempPath(), $"problems-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            { "problems": [
              { "key": "garbage", "name": "垃圾暴露", "icon": "garbage", "kind": "matter", "typeCode": "06010" },
              { "key": "ufo", "name": "不明飞行物", "icon": "other", "kind": "matter", "typeCode": "99999" } ] }
            """);
        try
        {
            await using var database = new SqliteTestDatabase();
            await database.InitializeAsync();
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                RunningServer.StartAsync(database, demo: false, $"--PublicService:ProblemsFile={file}"));
            Assert.Contains("PublicService:ProblemsFile", refused.Message, StringComparison.Ordinal);
            Assert.Contains("'ufo'", refused.Message, StringComparison.Ordinal);
            Assert.Contains("99999", refused.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("'garbage'", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task AListWithAnUnknownIcon_StopsTheStart_NamingTheIcon()
    {
        var file = Path.Combine(Path.GetTempPath(), $"problems-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{ "problems": [ { "key": "garbage", "name": "垃圾暴露", "icon": "skull", "kind": "matter", "typeCode": "06010" } ] }""");
        try
        {
            await using var database = new SqliteTestDatabase();
            await database.InitializeAsync();
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                RunningServer.StartAsync(database, demo: false, $"--PublicService:ProblemsFile={file}"));
            Assert.Contains("icon 'skull'", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
