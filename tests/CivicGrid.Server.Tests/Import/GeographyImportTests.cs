using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.Import;

/// <summary>Rejections of boundaries and grids, on both providers.</summary>
public abstract class GeographyImportTests<TDatabase> : IAsyncLifetime where TDatabase : TestDatabase, new()
{
    private CityHost<TDatabase> _city = null!;

    public async Task InitializeAsync()
    {
        _city = await CityHost.StartAsync<TDatabase>(CityOptions.EmptyCity);
    }

    public async Task DisposeAsync()
    {
        await _city.DisposeAsync();
    }

    [Fact]
    public async Task District_OfAMissingCityWithoutCityName_IsRejected_AndSoAreItsChildren()
    {
        var path = _city.Write("b.geojson", TestCity.Collection(
            TestCity.Feature(null, new() { ["code"] = "460105001", ["name"] = "秀英街道" }),
            TestCity.Feature(null, new() { ["code"] = "460105", ["name"] = "秀英区" })));

        var result = await _city.ImportBoundaries(path);

        Assert.False(result.Committed);
        Assert.Equal([(3L, "cityName"), (2L, "code")], result.Rejections.Select(r => (r.Line ?? 0, r.Reason.Split(':')[0])));
        Assert.Contains("the city 460100 does not exist", result.Rejections[0].Reason);
        await using var db = _city.Db();
        Assert.Equal(0, await db.AdministrativeUnits.CountAsync());
        Assert.Equal(0, await db.Cities.CountAsync());
    }

    [Fact]
    public async Task Boundaries_ImportedAgain_UpdateNamesInsteadOfFailing()
    {
        ImportAssert.Committed(await _city.ImportBoundaries(_city.Write("b.geojson", TestCity.Boundaries)));
        var renamed = TestCity.Collection(TestCity.Feature(TestCity.Square(110.30, 20.00, 110.31, 20.02), new() { ["code"] = "460105001001", ["name"] = "秀海新社区" }));

        ImportAssert.Committed(await _city.ImportBoundaries(_city.Write("renamed.geojson", renamed)));

        await using var db = _city.Db();
        Assert.Equal("秀海新社区", (await db.AdministrativeUnits.SingleAsync(u => u.Code == "460105001001")).Name);
        Assert.Equal(4, await db.AdministrativeUnits.CountAsync());
    }

    [Fact]
    public async Task BadGrids_AreRejected_EachWithTheField()
    {
        ImportAssert.Committed(await _city.ImportBoundaries(_city.Write("b.geojson", TestCity.Boundaries)));
        var square = TestCity.Square(110.30, 20.00, 110.301, 20.001);
        var path = _city.Write("g.geojson", TestCity.Collection(
            TestCity.Feature(square, new() { ["code"] = "4601050010ABC2X" }),
            TestCity.Feature(square, new() { ["code"] = "46010500100901" }),
            TestCity.Feature(TestCity.Point(110.3, 20.0), new() { ["code"] = "46010500100103" }),
            TestCity.Feature(square, new() { ["code"] = "46010500100101", ["communityCode"] = "460105001002" }),
            TestCity.Feature(square, new() { ["code"] = "46010500100102" })));

        var result = await _city.ImportGrids(path);

        Assert.False(result.Committed);
        Assert.Equal(
            ["communityCode: required for an alphanumeric grid code",
             "communityCode: the community 460105001009 does not exist; import the boundaries first",
             "geometry: expected a Polygon or MultiPolygon, got Point",
             "communityCode: 460105001002 differs from the community 460105001001 in the grid code"],
            result.Rejections.Select(r => r.Reason));
        Assert.Equal([2L, 3L, 4L, 5L], result.Rejections.Select(r => r.Line ?? 0));
        await using var db = _city.Db();
        Assert.Equal(0, await db.UnitGrids.CountAsync());
    }
}

public sealed class SqliteGeographyImportTests : GeographyImportTests<SqliteTestDatabase>;

public sealed class PostgresGeographyImportTests : GeographyImportTests<PostgresTestDatabase>;
