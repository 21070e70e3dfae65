using CivicGrid.Data;
using CivicGrid.Domain.Geography;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Platform.Auth;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CivicGrid.Server.Tests.Auth;

/// <summary>ScopeFilter on real EF queries, on both providers: unit grids stand in for cases (district and street
/// selectors), staff users for department-dispatched objects (department selector).</summary>
public abstract class ScopeFilterTests<TDatabase> : IAsyncLifetime where TDatabase : TestDatabase, new()
{
    private const string Longhua = "460106", Xiuying = "460105";
    private const string Jinmao = "460106001", Datong = "460106002", Haixiu = "460105001";
    private TDatabase Database { get; } = new();
    private int _roadsTeam, _waterCompany;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await using var db = Database.CreateContext();
        await db.Database.MigrateAsync();
        db.Cities.Add(new City { Code = "460100", Name = "海口市", NameEn = "Haikou", CaseNumberPrefix = "HK" });
        AddStreet(db, Longhua, Jinmao);
        AddStreet(db, Longhua, Datong);
        AddStreet(db, Xiuying, Haixiu);
        var roads = new Department { Code = "ROADS", Name = "道路队", NameEn = "Roads team", CityCode = "460100" };
        var water = new Department { Code = "WATER", Name = "水务公司", NameEn = "Water company", CityCode = "460100" };
        db.Departments.AddRange(roads, water);
        await db.SaveChangesAsync();
        (_roadsTeam, _waterCompany) = (roads.Id, water.Id);
        db.StaffUsers.AddRange(Handler("roads.1", roads.Id), Handler("roads.2", roads.Id), Handler("water.1", water.Id), Handler("city.1", null));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Database.DisposeAsync();

    [Fact]
    public async Task CityScope_SeesEveryGrid() =>
        Assert.Equal([Haixiu + "01", Jinmao + "01", Jinmao + "02", Datong + "01"], await GridsAsync(DataScope.WholeCity));

    [Fact]
    public async Task DistrictScope_SeesOnlyItsDistrictsGrids() =>
        Assert.Equal([Jinmao + "01", Jinmao + "02", Datong + "01"], await GridsAsync(DataScope.OfDistrict(Longhua)));

    [Fact]
    public async Task StreetScope_SeesOnlyItsStreetsGrids() =>
        Assert.Equal([Jinmao + "01", Jinmao + "02"], await GridsAsync(DataScope.OfStreet(Jinmao)));

    [Fact]
    public async Task DistrictScope_DoesNotMatchAStreetCodeAsADistrict() =>
        Assert.Empty(await GridsAsync(DataScope.OfDistrict(Jinmao)));

    [Fact]
    public async Task DepartmentScope_SeesOnlyWhatBelongsToItsDepartment()
    {
        await using var db = Database.CreateContext();
        var users = await ScopeFilter.Apply(db.StaffUsers.AsNoTracking(), DataScope.OfDepartment(_roadsTeam), null, null, u => u.DepartmentId)
            .OrderBy(u => u.UserName).Select(u => u.UserName).ToListAsync();
        Assert.Equal(["roads.1", "roads.2"], users);
        Assert.Equal(["water.1"], await ScopeFilter.Apply(db.StaffUsers.AsNoTracking(), DataScope.OfDepartment(_waterCompany), null, null, u => u.DepartmentId)
            .Select(u => u.UserName).ToListAsync());
    }

    [Fact]
    public async Task DepartmentScope_OnAResourceWithoutADepartment_SeesNothing() =>
        Assert.Empty(await GridsAsync(DataScope.OfDepartment(_roadsTeam)));

    [Fact]
    public async Task ScopeWithoutItsCode_SeesNothing()
    {
        Assert.Empty(await GridsAsync(new DataScope(DataScopeKind.District, null, null)));
        Assert.Empty(await GridsAsync(new DataScope(DataScopeKind.Street, null, null)));
    }

    [Fact]
    public async Task TheScopeCode_IsSentAsAParameterNotAsSqlText()
    {
        await using var db = Database.CreateContext();
        var sql = ScopeFilter.Apply(db.UnitGrids, DataScope.OfDistrict(Longhua), g => g.DistrictCode, g => g.StreetCode, null).ToQueryString();
        Assert.Contains("WHERE", sql, StringComparison.Ordinal);
        Assert.DoesNotContain($"= '{Longhua}'", sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DataScopeKind.City, null, null, true)]
    [InlineData(DataScopeKind.District, Longhua, null, true)]
    [InlineData(DataScopeKind.District, Xiuying, null, false)]
    [InlineData(DataScopeKind.Street, Jinmao, null, true)]
    [InlineData(DataScopeKind.Street, Datong, null, false)]
    [InlineData(DataScopeKind.Department, null, 5, true)]
    [InlineData(DataScopeKind.Department, null, 6, false)]
    [InlineData(DataScopeKind.District, null, null, false)]
    public void Covers_AppliesTheSameRuleToOneObjectInMemory(DataScopeKind kind, string? code, int? department, bool expected) =>
        Assert.Equal(expected, ScopeFilter.Covers(new DataScope(kind, code, department), Longhua, Jinmao, 5));

    private async Task<List<string>> GridsAsync(DataScope scope)
    {
        await using var db = Database.CreateContext();
        return await ScopeFilter.Apply(db.UnitGrids.AsNoTracking(), scope, g => g.DistrictCode, g => g.StreetCode, null)
            .OrderBy(g => g.DistrictCode == Xiuying ? 0 : 1).ThenBy(g => g.StreetCode).ThenBy(g => g.Code)
            .Select(g => g.Code).ToListAsync();
    }

    private static void AddStreet(CivicGridDbContext db, string district, string street)
    {
        var community = street + "001";
        if (!db.AdministrativeUnits.Local.Any(u => u.Code == district))
            db.AdministrativeUnits.Add(new AdministrativeUnit { Code = district, Level = AdministrativeLevel.District, Name = district, ParentCode = "460100", CityCode = "460100" });
        db.AdministrativeUnits.Add(new AdministrativeUnit { Code = street, Level = AdministrativeLevel.Street, Name = street, ParentCode = district, CityCode = "460100" });
        db.AdministrativeUnits.Add(new AdministrativeUnit { Code = community, Level = AdministrativeLevel.Community, Name = community, ParentCode = street, CityCode = "460100" });
        var grids = street == Jinmao ? 2 : 1;
        for (var serial = 1; serial <= grids; serial++)
        {
            db.UnitGrids.Add(new UnitGrid
            {
                Code = $"{street}0{serial}", CityCode = "460100", DistrictCode = district, StreetCode = street, CommunityCode = community,
                Boundary = new GeometryFactory(new PrecisionModel(), 4326).CreatePoint(new Coordinate(110.3, 20.0)).Buffer(0.001),
            });
        }
    }

    private static StaffUser Handler(string userName, int? departmentId) => new()
    {
        UserName = userName, DisplayName = userName, PasswordHash = "-", CityCode = "460100", Roles = Roles.DepartmentHandler,
        ScopeKind = departmentId is null ? DataScopeKind.City : DataScopeKind.Department, DepartmentId = departmentId,
    };
}

public sealed class SqliteScopeFilterTests : ScopeFilterTests<SqliteTestDatabase>;
public sealed class PostgresScopeFilterTests : ScopeFilterTests<PostgresTestDatabase>;
