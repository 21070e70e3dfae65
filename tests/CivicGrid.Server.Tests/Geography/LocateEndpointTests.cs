using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Domain.Geography;
using CivicGrid.Server.Tests.Infrastructure;
using NetTopologySuite.Geometries;

namespace CivicGrid.Server.Tests.Geography;

/// <summary>GET /api/v1/grids/locate over real HTTP, on grids laid around published WGS-84 / GCJ-02 / BD-09 pairs
/// (wandergis/coordtransform's reference point 116.404, 39.915), so the expected grid never comes from our converter.</summary>
public sealed class LocateEndpointTests : IAsyncLifetime
{
    // Grid A: 100 m around the WGS-84 point (116.404, 39.915); its GCJ-02 form is (116.41024449916938, 39.91640428150164).
    private const string GridA = "11010100100101";
    // Grid B: around the WGS-84 point whose GCJ-02 form is (116.404, 39.915), i.e. ≈ (116.3977555, 39.9135957);
    // the BD-09 form of that GCJ-02 point is (116.41036949371029, 39.92133699351021).
    private const string GridB = "11010100100102";
    private readonly SqliteTestDatabase _database = new();
    private RunningServer _server = null!;

    public async Task InitializeAsync()
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        Polygon Square(double lon, double lat, double half) => factory.CreatePolygon(
            [new(lon - half, lat - half), new(lon + half, lat - half), new(lon + half, lat + half), new(lon - half, lat + half), new(lon - half, lat - half)]);
        await using (var db = _database.CreateContext())
        {
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.MigrateAsync(db.Database);
            db.Cities.Add(new City { Code = "110100", Name = "北京市", NameEn = "Beijing", CaseNumberPrefix = "BJ" });
            db.AdministrativeUnits.AddRange(
                new AdministrativeUnit { Code = "110101", Level = AdministrativeLevel.District, Name = "东城区", ParentCode = "110100", CityCode = "110100" },
                new AdministrativeUnit { Code = "110101001", Level = AdministrativeLevel.Street, Name = "东华门街道", ParentCode = "110101", CityCode = "110100" },
                new AdministrativeUnit
                {
                    Code = "110101001001", Level = AdministrativeLevel.Community, Name = "多福巷社区", ParentCode = "110101001", CityCode = "110100",
                    Boundary = Square(116.401, 39.914, 0.02),
                });
            db.UnitGrids.AddRange(Grid(GridA, Square(116.404, 39.915, 0.0006)), Grid(GridB, Square(116.3977555, 39.9135957, 0.0006)));
            await db.SaveChangesAsync();
        }
        _server = await RunningServer.StartAsync(_database, demo: false);
    }

    private static UnitGrid Grid(string code, Polygon boundary) => new()
    {
        Code = code, CityCode = "110100", DistrictCode = "110101", StreetCode = "110101001", CommunityCode = "110101001001",
        Boundary = boundary, AreaSquareMetres = 13_000, IsBuiltUp = true,
    };

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Locate_Wgs84PointInsideAGrid_AnswersTheGridAndItsChain()
    {
        var body = await _server.Client.GetFromJsonAsync<JsonElement>("/api/v1/grids/locate?lat=39.915&lon=116.404");
        Assert.Equal(GridA, body.GetProperty("gridCode").GetString());
        Assert.Equal("多福巷社区", body.GetProperty("community").GetProperty("name").GetString());
        Assert.Equal("110101001", body.GetProperty("street").GetProperty("code").GetString());
        Assert.Equal("东城区", body.GetProperty("district").GetProperty("name").GetString());
        Assert.Equal("wgs84", body.GetProperty("crs").GetString());
    }

    [Fact]
    public async Task Locate_Gcj02Input_LandsInTheSameGridAsItsWgs84Equivalent()
    {
        var body = await _server.Client.GetFromJsonAsync<JsonElement>(
            "/api/v1/grids/locate?lat=39.91640428150164&lon=116.41024449916938&crs=gcj02");
        Assert.Equal(GridA, body.GetProperty("gridCode").GetString());
        Assert.Equal(116.404, body.GetProperty("longitude").GetDouble(), 5);
        Assert.Equal(39.915, body.GetProperty("latitude").GetDouble(), 5);
    }

    [Fact]
    public async Task Locate_Gcj02InputReadAsWgs84_MissesTheGrid()
    {
        var body = await _server.Client.GetFromJsonAsync<JsonElement>("/api/v1/grids/locate?lat=39.91640428150164&lon=116.41024449916938");
        Assert.NotEqual(GridA, body.GetProperty("gridCode").GetString());
    }

    [Fact]
    public async Task Locate_Bd09Input_LandsInTheGridOfItsWgs84Equivalent()
    {
        var body = await _server.Client.GetFromJsonAsync<JsonElement>(
            "/api/v1/grids/locate?lat=39.92133699351021&lon=116.41036949371029&crs=BD09");
        Assert.Equal(GridB, body.GetProperty("gridCode").GetString());
    }

    [Fact]
    public async Task Locate_BetweenGridsInsideTheCommunity_FallsBackToTheCommunity()
    {
        var response = await _server.Client.GetAsync("/api/v1/grids/locate?lat=39.905&lon=116.39");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, body.GetProperty("gridCode").ValueKind);
        Assert.Equal("110101001001", body.GetProperty("community").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Locate_OutsideEveryGridAndCommunity_Answers404WithAClearMessage()
    {
        var response = await _server.Client.GetAsync("/api/v1/grids/locate?lat=20.2&lon=110.3");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("outside every unit grid", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("lon=116.4", "lat", "required")]
    [InlineData("lat=abc&lon=116.4", "lat", "decimal number")]
    [InlineData("lat=91&lon=116.4", "lat", "between -90 and 90")]
    [InlineData("lat=39.9&lon=181", "lon", "between -180 and 180")]
    [InlineData("lat=39.9&lon=NaN", "lon", "decimal number")]
    [InlineData("lat=39.9&lon=116.4&crs=mercator", "crs", "Unknown coordinate system")]
    public async Task Locate_WithBadInput_Answers400NamingTheField(string query, string field, string message)
    {
        var response = await _server.Client.GetAsync("/api/v1/grids/locate?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").GetProperty(field);
        Assert.Contains(message, errors[0].GetString());
    }
}
