using CivicGrid.Domain.Components;
using CivicGrid.Domain.Geography;
using CivicGrid.Server.Interchange;
using CivicGrid.Server.Platform.Csv;
using CivicGrid.Server.Tests.Infrastructure;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.Import;

/// <summary>Boundaries → grids → components, valid and invalid, on both providers (sealed classes at the end).</summary>
public abstract class ComponentImportTests<TDatabase> : IAsyncLifetime where TDatabase : TestDatabase, new()
{
    private CityHost<TDatabase> _city = null!;

    public async Task InitializeAsync()
    {
        _city = await CityHost.StartAsync<TDatabase>(CityOptions.EmptyCity);
        await _city.SeedTestCityGeography();
    }

    public async Task DisposeAsync()
    {
        await _city.DisposeAsync();
    }

    [Fact]
    public async Task BoundariesAndGrids_Imported_CreateTheCityAndLocatePoints()
    {
        await using var db = _city.Db();
        var city = await db.Cities.SingleAsync();
        Assert.Equal(("460100", "海口市", "Haikou", "HK"), (city.Code, city.Name, city.NameEn, city.CaseNumberPrefix));
        var community = await db.AdministrativeUnits.SingleAsync(u => u.Code == "460105001002");
        Assert.Equal((AdministrativeLevel.Community, "460105001", "Xiangrong"), (community.Level, community.ParentCode, community.NameEn));
        var grid = await db.UnitGrids.SingleAsync(g => g.Code == TestCity.SouthWestGrid);
        Assert.Equal(("460105001001", "460105001", "460105", true, "秀海社区居委会"),
            (grid.CommunityCode, grid.StreetCode, grid.DistrictCode, grid.IsBuiltUp, grid.ResponsibleParty));
        Assert.InRange(grid.AreaSquareMetres, 1_156_000, 1_168_000); // 0.01° × 0.01° at 20° N ≈ 1,046 m × 1,112 m
        var alphanumeric = await db.UnitGrids.SingleAsync(g => g.Code == TestCity.NorthEastGrid);
        Assert.Equal("460105001002", alphanumeric.CommunityCode);
        var location = await _city.Locator.LocateAsync(110.315, 20.015);
        Assert.Equal((TestCity.NorthEastGrid, "向荣社区"), (location?.GridCode, location?.Community.Name));
    }

    [Fact]
    public async Task GeoJsonComponents_AreImported_IntoTheGridsTheirPointsLieIn()
    {
        var path = _city.Write("lamps.geojson", TestCity.Collection(
            TestCity.Lamp(1),
            TestCity.Lamp(2, 110.305, 20.015, new() { ["status"] = "破损", ["competent"] = "HK-SZ", ["maintainer"] = "HK-SZ-XY-1", ["note"] = "灯罩裂" }),
            TestCity.Lamp(3, 110.315, 20.015, new() { ["grid"] = null, ["source"] = "census 2026" })));

        var result = await _city.ImportComponents(path);

        ImportAssert.Committed(result);
        Assert.Equal(3, result.Imported);
        await using var db = _city.Db();
        var lamps = await db.Components.OrderBy(c => c.Id).ToListAsync();
        Assert.Equal([TestCity.SouthWestGrid, TestCity.NorthWestGrid, TestCity.NorthEastGrid], lamps.Select(c => c.GridCode));
        var second = lamps[1];
        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, d => d.Id);
        Assert.Equal((ComponentStatus.Damaged, departments["HK-SZ"], departments["HK-SZ-XY-1"], "灯罩裂", "460100", "01037"),
            (second.Status, second.CompetentDepartmentId, second.MaintainerDepartmentId, second.Note, second.CityCode, second.TypeCode));
        Assert.Equal(_city.Time.GetUtcNow(), second.CreatedAt);
        Assert.Equal("census 2026", lamps[2].Source);
    }

    [Fact]
    public async Task CsvComponents_AreImported_WithQuotedTextGivenGridsAndDepartmentCodes()
    {
        var path = _city.Write("lamps.csv", TestCity.CsvHeader + "\n" +
            "46010501037000001,01037,路灯 1,110.305,20.005,wgs84,intact,,HK-SZ,,,census,\n" +
            "46010501037000002,,\"路灯 2, 北侧\",110.315,20.005,,removed," + TestCity.SouthEastGrid + ",,HK-SZ,,,\"多行\n备注\"\n" +
            "46010501001000003,01001,供水井盖 3,110.316,20.006,WGS84,完好,,,,HK-SZ-XY-1,,\n");

        var result = await _city.ImportComponents(path);

        ImportAssert.Committed(result);
        await using var db = _city.Db();
        var rows = await db.Components.OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(["46010501001000003", "46010501037000001", "46010501037000002"], rows.Select(c => c.Id));
        var second = rows.Single(c => c.Id == "46010501037000002");
        Assert.Equal(("路灯 2, 北侧", "01037", ComponentStatus.Removed, TestCity.SouthEastGrid, "多行\n备注"),
            (second.Name, second.TypeCode, second.Status, second.GridCode, second.Note));
        Assert.NotNull(second.OwnerDepartmentId);
        Assert.Equal(TestCity.SouthEastGrid, rows[0].GridCode);
    }

    [Fact]
    public async Task Gcj02AndBd09Positions_AreStoredAsWgs84()
    {
        var wgs84 = new GeoPoint(110.305, 20.005);
        var gcj02 = CoordinateConverter.Wgs84ToGcj02(wgs84);
        var bd09 = CoordinateConverter.Convert(wgs84, CoordinateSystem.Wgs84, CoordinateSystem.Bd09);
        Assert.True(Math.Abs(gcj02.Longitude - wgs84.Longitude) > 0.001, "The test point must be one that GCJ-02 shifts.");
        var path = _city.Write("lamps.csv", "id,name,longitude,latitude,crs\n" + FormattableString.Invariant(
            $"46010501037000001,高德,{gcj02.Longitude:R},{gcj02.Latitude:R},gcj02\n46010501037000002,百度,{bd09.Longitude:R},{bd09.Latitude:R},BD-09\n"));

        ImportAssert.Committed(await _city.ImportComponents(path));

        await using var db = _city.Db();
        foreach (var stored in await db.Components.ToListAsync())
        {
            Assert.InRange(GeoDistance.Metres(wgs84, new GeoPoint(stored.Longitude, stored.Latitude)), 0, 0.5);
            Assert.Equal(TestCity.SouthWestGrid, stored.GridCode);
        }
    }

    [Fact]
    public async Task ThreeBadRows_ImportNothing_AndReportEachLineWithTheField()
    {
        var path = _city.Write("lamps.csv", BadCsv);

        var result = await _city.ImportComponents(path);

        Assert.False(result.Committed);
        Assert.Equal((0L, 3L, 3L), (result.Imported, result.Rejected, result.Valid));
        Assert.Equal([3L, 5L, 6L], result.Rejections.Select(r => r.Line));
        Assert.StartsWith("id: ", result.Rejections[0].Reason);
        Assert.StartsWith("type: 99001 ", result.Rejections[1].Reason);
        Assert.StartsWith("longitude: 'east'", result.Rejections[2].Reason);
        Assert.Null(result.RejectsPath);
        Assert.False(File.Exists(path + ".rejects.csv"));
        await using var db = _city.Db();
        Assert.Equal(0, await db.Components.CountAsync());
    }

    [Fact]
    public async Task ThreeBadRows_WithSkipBad_ImportTheRest_AndTheRejectsFileListsExactlyTheBadRows()
    {
        var path = _city.Write("lamps.csv", BadCsv);

        var result = await _city.ImportComponents(path, new ImportOptions(SkipBad: true));

        Assert.True(result.Committed);
        Assert.Equal((3L, 3L), (result.Imported, result.Rejected));
        Assert.Equal(path + ".rejects.csv", result.RejectsPath);
        var lines = BadCsv.Split('\n');
        var rejects = ReadCsv(result.RejectsPath!);
        Assert.Equal(["line", "item", "reason", "original"], rejects[0]);
        Assert.Equal(
            [("3", lines[2]), ("5", lines[4]), ("6", lines[5])],
            rejects.Skip(1).Select(r => (r[0], r[3])));
        Assert.All(rejects.Skip(1), r => Assert.Matches("^(id|type|longitude): ", r[2]));
        await using var db = _city.Db();
        Assert.Equal(["46010501037000001", "46010501037000004", "46010501037000007"],
            await db.Components.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());
    }

    [Fact]
    public async Task BadGeoJsonFeatures_AreReportedWithTheirIndexAndLine()
    {
        var path = _city.Write("lamps.geojson", TestCity.Collection(
            TestCity.Lamp(1),
            TestCity.Feature(TestCity.Square(110.30, 20.00, 110.301, 20.001), new() { ["id"] = "46010501037000002", ["name"] = "面" }),
            TestCity.Lamp(3, extra: new() { ["status"] = "stolen" })));

        var result = await _city.ImportComponents(path);

        Assert.False(result.Committed);
        Assert.Equal([("feature 2", 3L), ("feature 3", 4L)], result.Rejections.Select(r => (r.Item, r.Line ?? 0)));
        Assert.Contains("geometry: expected a Point, got Polygon", result.Rejections[0].Reason);
        Assert.StartsWith("status: 'stolen'", result.Rejections[1].Reason);
    }

    [Fact]
    public async Task DuplicateIdInTheFile_IsRejected_NamingTheLineOfTheFirst()
    {
        var path = _city.Write("lamps.csv", "id,name,longitude,latitude\n46010501037000001,a,110.305,20.005\n46010501037000001,b,110.305,20.006\n");

        var result = await _city.ImportComponents(path);

        var rejection = Assert.Single(result.Rejections);
        Assert.Equal((3L, "id: 46010501037000001 repeats the id of line 2"), (rejection.Line ?? 0, rejection.Reason));
    }

    [Fact]
    public async Task IdAlreadyInTheDatabase_IsRejected()
    {
        ImportAssert.Committed(await _city.ImportComponents(_city.Write("first.geojson", TestCity.Collection(TestCity.Lamp(1)))));

        var result = await _city.ImportComponents(_city.Write("again.geojson", TestCity.Collection(TestCity.Lamp(2), TestCity.Lamp(1))));

        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(("feature 2", "id: 46010501037000001 already exists in the database"), (rejection.Item, rejection.Reason));
        await using var db = _city.Db();
        Assert.Equal(1, await db.Components.CountAsync());
    }

    [Fact]
    public async Task TypeThatIsNoComponentTypeOfTheCatalogue_IsRejected()
    {
        var path = _city.Write("x.csv", "id,type,name,longitude,latitude\n46010509999000001,09999,x,110.305,20.005\n");

        var result = await _city.ImportComponents(path);

        Assert.Equal("type: 09999 is not a component type of the catalogue", Assert.Single(result.Rejections).Reason);
    }

    [Fact]
    public async Task PointOutsideEveryGrid_IsRejected_UnlessTheGridIsGiven()
    {
        var outside = _city.Write("outside.csv", "id,name,longitude,latitude\n46010501037000001,远处,110.5,20.5\n");
        var rejection = Assert.Single((await _city.ImportComponents(outside)).Rejections);
        Assert.Contains("lies outside every unit grid; give the grid column", rejection.Reason);
        Assert.StartsWith("longitude/latitude: ", rejection.Reason);

        var placed = _city.Write("placed.csv", $"id,name,longitude,latitude,grid\n46010501037000001,远处,110.5,20.5,{TestCity.SouthWestGrid}\n");
        ImportAssert.Committed(await _city.ImportComponents(placed));
        await using var db = _city.Db();
        Assert.Equal(TestCity.SouthWestGrid, (await db.Components.SingleAsync()).GridCode);
    }

    [Fact]
    public async Task UnknownGridAndDepartment_AreRejected_NamingBothFields()
    {
        var path = _city.Write("x.csv", "id,name,longitude,latitude,grid,owner\n46010501037000001,x,110.305,20.005,46010500100199,NOBODY\n");

        var reason = Assert.Single((await _city.ImportComponents(path)).Rejections).Reason;

        Assert.Equal("grid: the unit grid 46010500100199 does not exist; owner: no department has the code 'NOBODY'", reason);
    }

    [Theory]
    [InlineData("lamps.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",", "not valid JSON")]
    [InlineData("lamps.geojson", "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{}}", "its \"type\" is \"Feature\"")]
    [InlineData("lamps.geojson", "[1,2]", "does not start with a JSON object")]
    [InlineData("lamps.geojson", "", "not valid JSON")]
    [InlineData("lamps.csv", "", "The CSV file is empty")]
    [InlineData("lamps.csv", "id,name,lon,lat\n1,2,3,4\n", "lacks the column(s) longitude, latitude and has unknown column(s) 'lon', 'lat'")]
    [InlineData("lamps.txt", "x", "must end in .geojson, .json, .csv")]
    public async Task UnreadableFile_IsReportedAsSuch_AndImportsNothing(string name, string content, string expected)
    {
        var path = _city.Write(name, content);

        var exception = await Assert.ThrowsAsync<ImportFileException>(() => _city.ImportComponents(path));

        Assert.Contains(expected, exception.Message);
        await using var db = _city.Db();
        Assert.Equal(0, await db.Components.CountAsync());
    }

    /// <summary>Six rows; lines 3 (bad id), 5 (unknown type) and 6 (bad longitude) are wrong.</summary>
    private const string BadCsv =
        "id,type,name,longitude,latitude\n" +
        "46010501037000001,01037,路灯 1,110.305,20.005\n" +
        "4601050103700002,01037,路灯 2,110.305,20.005\n" +
        "46010501037000004,01037,路灯 4,110.305,20.005\n" +
        "46010599001000005,99001,路灯 5,110.305,20.005\n" +
        "46010501037000006,01037,路灯 6,east,20.005\n" +
        "46010501037000007,01037,路灯 7,110.305,20.005\n";

    private static List<string[]> ReadCsv(string path)
    {
        using var csv = CsvReader.Create(File.OpenRead(path), CsvReaderOptions.Default with { HasHeader = false }, leaveOpen: false);
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add(Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i) ?? "").ToArray());
        return rows;
    }
}

public sealed class SqliteComponentImportTests : ComponentImportTests<SqliteTestDatabase>;

public sealed class PostgresComponentImportTests : ComponentImportTests<PostgresTestDatabase>;
