using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Domain.Geography;
using CivicGrid.Server.Seeding;
using CivicGrid.Server.Tests.Cases;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CivicGrid.Server.Tests.Geography;

/// <summary>Places and addresses from the small demo city's own model, over real HTTP, on both providers: the address
/// of a point (reverse geocoding), place search, and the address a staff report gets when it gives none.</summary>
public abstract class PlaceTests<TDatabase>(CityHost<TDatabase> city) where TDatabase : TestDatabase, new()
{
    [Fact]
    public async Task APointBesideLongkunSouthRoad_IsAddressedByItsCommunityStreetDistrictAndThatRoad()
    {
        var (lon, lat) = await BesideRoadAsync("龙昆南路");
        var (district, street, community) = await ChainAtAsync(lon, lat);

        var body = await city.Anonymous.GetFromJsonAsync<JsonElement>(FormattableString.Invariant($"/api/public/places/address?lat={lat}&lon={lon}"));

        Assert.Equal(community, body.GetProperty("community").GetProperty("name").GetString());
        Assert.Equal(street, body.GetProperty("street").GetProperty("name").GetString());
        Assert.Equal(district, body.GetProperty("district").GetProperty("name").GetString());
        Assert.Equal("龙昆南路", body.GetProperty("near").GetProperty("name").GetString());
        Assert.Equal("road", body.GetProperty("near").GetProperty("kind").GetString());
        Assert.InRange(body.GetProperty("near").GetProperty("distanceMetres").GetDouble(), 0, 60);
        Assert.Equal($"{district}{street}{community} · 龙昆南路附近", body.GetProperty("address").GetString());
    }

    [Fact]
    public async Task APointInTheSea_HasNoAddress_AndTheAnswerSaysItIsOutsideTheCity()
    {
        var sea = DemoCity.SeaPoint;
        using var response = await city.Anonymous.GetAsync(FormattableString.Invariant($"/api/public/places/address?lat={sea.Latitude}&lon={sea.Longitude}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("outside every unit grid and community of the city", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnAddressRequestWithoutALatitude_Answers400NamingLat()
    {
        using var response = await city.Anonymous.GetAsync("/api/public/places/address?lon=110.33");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("lat", out _));
    }

    [Fact]
    public async Task SearchingPartOfARoadName_FindsTheRoadFirst_WithAPointOnIt()
    {
        var body = await city.Anonymous.GetFromJsonAsync<JsonElement>("/api/public/places?q=" + Uri.EscapeDataString("龙昆"));

        var first = body.GetProperty("places")[0];
        Assert.Equal(("龙昆南路", "road"), (first.GetProperty("name").GetString(), first.GetProperty("kind").GetString()));
        await using var db = city.Db();
        var road = (await db.BasemapFeatures.AsNoTracking().ToListAsync()).Single(f => f.Name == "龙昆南路");
        var point = road.Geometry.Factory.CreatePoint(new Coordinate(first.GetProperty("longitude").GetDouble(), first.GetProperty("latitude").GetDouble()));
        Assert.True(road.Geometry.Distance(point) < 1e-6, "the answer's point lies on the road");
        Assert.Matches("区 · .+(街道|镇)$", first.GetProperty("context").GetString());
    }

    [Fact]
    public async Task SearchingACommunityName_FindsTheCommunity_WithItsStreetAndDistrict()
    {
        await using var db = city.Db();
        var community = await db.AdministrativeUnits.AsNoTracking().Where(u => u.Level == AdministrativeLevel.Community).OrderBy(u => u.Code).FirstAsync();
        var street = await db.AdministrativeUnits.AsNoTracking().SingleAsync(u => u.Code == community.ParentCode);

        var body = await city.Anonymous.GetFromJsonAsync<JsonElement>("/api/public/places?q=" + Uri.EscapeDataString(community.Name));

        var hit = body.GetProperty("places").EnumerateArray().Single(p => p.GetProperty("name").GetString() == community.Name);
        Assert.Equal("community", hit.GetProperty("kind").GetString());
        Assert.EndsWith(street.Name, hit.GetProperty("context").GetString());
        var point = community.Boundary!.Factory.CreatePoint(new Coordinate(hit.GetProperty("longitude").GetDouble(), hit.GetProperty("latitude").GetDouble()));
        Assert.True(community.Boundary.Contains(point), "the answer's point lies inside the community");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("路路路路路路路路路路路路路路路路路路路路路路路路路路路路路路路路路路路路路路路路路路路路路路路路路路路")]
    public async Task ASearchWithoutAUsableQuery_Answers400NamingQ(string query)
    {
        using var response = await city.Anonymous.GetAsync("/api/public/places?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _));
    }

    [Fact]
    public async Task AStaffReportWithoutAnAddress_GetsTheReverseGeocodedOne_AndAGivenAddressIsKept()
    {
        var (lon, lat) = await BesideRoadAsync("龙昆南路");
        var expected = (await city.Anonymous.GetFromJsonAsync<JsonElement>(
            FormattableString.Invariant($"/api/public/places/address?lat={lat}&lon={lon}"))).GetProperty("address").GetString();

        var unaddressed = await city.Report("operator", Reports.At(lon: lon, lat: lat, description: "垃圾 address-1"));
        var addressed = await city.Report("operator", new
        {
            description = "油烟扰民 address-2", kind = "matter", typeCode = "06027", longitude = lon, latitude = lat, address = "龙昆南路 88 号门口",
        });

        Assert.EndsWith(" · 龙昆南路附近", expected);
        Assert.Equal(expected, unaddressed.GetProperty("address").GetString());
        Assert.Equal("龙昆南路 88 号门口", addressed.GetProperty("address").GetString());
    }

    /// <summary>A point 20 m east of the named road, half-way between two of its bends (so no crossing road is nearer).</summary>
    private async Task<(double Lon, double Lat)> BesideRoadAsync(string name)
    {
        await using var db = city.Db();
        var road = (await db.BasemapFeatures.AsNoTracking().Where(f => f.Kind == BasemapFeatureKind.Road).ToListAsync()).Single(f => f.Name == name);
        var coordinates = road.Geometry.Coordinates;
        var (a, b) = (coordinates[coordinates.Length / 2 - 1], coordinates[coordinates.Length / 2]);
        return ((a.X + b.X) / 2 + 0.0002, (a.Y + b.Y) / 2);
    }

    private async Task<(string District, string Street, string Community)> ChainAtAsync(double lon, double lat)
    {
        await using var db = city.Db();
        var units = await db.AdministrativeUnits.AsNoTracking().ToListAsync();
        var point = new GeometryFactory(new PrecisionModel(), 4326).CreatePoint(new Coordinate(lon, lat));
        var community = units.Single(u => u.Level == AdministrativeLevel.Community && u.Boundary!.Contains(point));
        return (units.Single(u => u.Code == community.Code[..6]).Name, units.Single(u => u.Code == community.Code[..9]).Name, community.Name);
    }
}

public sealed class SqlitePlaceTests(SqliteCity city) : PlaceTests<SqliteTestDatabase>(city), IClassFixture<SqliteCity>;

public sealed class PostgresPlaceTests(PostgresCity city) : PlaceTests<PostgresTestDatabase>(city), IClassFixture<PostgresCity>;
