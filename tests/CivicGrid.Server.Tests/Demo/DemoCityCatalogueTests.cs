using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Components;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CivicGrid.Server.Tests.Demo;

/// <summary>The small demo city's components, departments, case standards and users, on both providers.</summary>
public abstract class DemoCityCatalogueTests<TDatabase>(DemoCityFixture<TDatabase> city) where TDatabase : TestDatabase, new()
{
    private static readonly string[] CoverTypes = ["01001", "01002", "01003", "01004", "01005", "01011"];
    private static readonly string[] CommonTypes = ["01037", "03005", "04002"];
    private static readonly string[] CityBureaus = ["HK-SZ", "HK-YL", "HK-HW", "HK-ZF", "HK-GA"];
    private static readonly string[] Utilities = ["HK-GS", "HK-PS", "HK-GD", "HK-RQ", "HK-TX"];
    private static readonly string[] Districts = ["460105", "460106", "460107", "460108"];
    private static readonly string[] TeamPrefixes = ["HK-SZ-", "HK-HW-", "HK-YL-", "HK-ZF-"];
    private static readonly string[] CityWideUsers = ["admin", "operator", "shiftlead", "dispatcher", "leader"];

    [Fact]
    public async Task EveryComponent_LiesStrictlyInsideTheGridItNames()
    {
        var grids = (await city.GridsAsync()).ToDictionary(g => g.Code, g => g.Boundary);
        await using var db = city.CreateContext();
        var components = await db.Components.AsNoTracking().ToListAsync();
        Assert.InRange(components.Count, 1_500, 3_000);
        foreach (var component in components)
        {
            Assert.NotNull(component.GridCode);
            var point = grids[component.GridCode].Factory.CreatePoint(new Coordinate(component.Longitude, component.Latitude));
            Assert.True(grids[component.GridCode].Contains(point), $"{component.Id} lies outside its grid {component.GridCode}.");
        }
    }

    [Fact]
    public async Task ComponentIds_AreValidSeventeenDigitIds_NumberedFromOnePerDistrictAndType()
    {
        await using var db = city.CreateContext();
        var components = await db.Components.AsNoTracking().Select(c => new { c.Id, c.TypeCode, c.GridCode, c.CityCode }).ToListAsync();
        foreach (var component in components)
        {
            var id = ComponentId.Parse(component.Id);
            Assert.Equal(component.TypeCode, id.Type.Value);
            Assert.Equal(component.GridCode![..6], id.Division.Value);
            Assert.Equal("460100", component.CityCode);
        }

        Assert.Equal(components.Count, components.Select(c => c.Id).Distinct().Count());
        foreach (var series in components.GroupBy(c => c.Id[..11]))
        {
            Assert.Equal(Enumerable.Range(1, series.Count()), series.Select(c => ComponentId.Parse(c.Id).Serial).Order());
        }
    }

    [Fact]
    public async Task Components_AreAMixOfManyCoversLampsBinsAndTrees_FewToilets_MostlyIntact_FromTheCensus()
    {
        await using var db = city.CreateContext();
        var components = await db.Components.AsNoTracking().ToListAsync();
        var byType = components.GroupBy(c => c.TypeCode).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(byType.Count >= 15, $"Only {byType.Count} component types.");
        var covers = CoverTypes.Sum(t => byType.GetValueOrDefault(t));
        Assert.All(CommonTypes, t => Assert.True(byType.GetValueOrDefault(t) > 5 * byType.GetValueOrDefault("03001"), t));
        Assert.True(covers > components.Count / 5, $"{covers} covers among {components.Count} components.");
        Assert.InRange(components.Count(c => c.Status == ComponentStatus.Intact), components.Count * 0.9, components.Count * 0.99);
        Assert.Contains(components, c => c.Status == ComponentStatus.Damaged);
        Assert.All(components, c => Assert.True(c.CreatedAt <= c.ChangedAt && c.ChangedAt < city.Server.Time.GetUtcNow(), c.Id));
        Assert.All(components, c => Assert.Equal("普查", c.Source));
    }

    [Fact]
    public async Task ComponentDepartments_FollowTheType_CoversToUtilityAndDistrictTeam_LampsToMunicipal_BinsToSanitation_TreesToLandscaping()
    {
        await using var db = city.CreateContext();
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id);
        var components = await db.Components.AsNoTracking().ToListAsync();
        string Code(int? id) => id is null ? "" : departments[id.Value].Code;
        foreach (var c in components)
        {
            var district = c.Id[..6];
            var expected = c.TypeCode switch
            {
                "01002" or "01003" or "01004" => ("HK-SZ", "HK-PS", "HK-SZ-" + district),
                "01001" => ("HK-SZ", "HK-GS", "HK-SZ-" + district),
                "01005" => ("HK-SZ", "HK-GD", "HK-SZ-" + district),
                "01011" => ("HK-SZ", "HK-RQ", "HK-SZ-" + district),
                "01037" => ("HK-SZ", "HK-SZ", "HK-SZ"),
                "03005" or "03001" => ("HK-HW", "HK-HW-" + district, "HK-HW-" + district),
                "04002" => ("HK-YL", "HK-YL", "HK-YL-" + district),
                _ => (Code(c.CompetentDepartmentId), Code(c.OwnerDepartmentId), Code(c.MaintainerDepartmentId)),
            };
            Assert.Equal(expected, (Code(c.CompetentDepartmentId), Code(c.OwnerDepartmentId), Code(c.MaintainerDepartmentId)));
            Assert.NotNull(c.MaintainerDepartmentId);
        }
    }

    [Fact]
    public async Task Departments_HaveUniqueCodes_BureausCompaniesAndDistrictTeamsUnderTheirDistrictGovernment()
    {
        await using var db = city.CreateContext();
        var departments = await db.Departments.AsNoTracking().ToListAsync();
        Assert.Equal(departments.Count, departments.Select(d => d.Code).Distinct().Count());
        var byCode = departments.ToDictionary(d => d.Code);
        Assert.Equal("海口市市政管理局", byCode["HK-SZ"].Name);
        Assert.All(CityBureaus, c => Assert.Equal(DepartmentLevel.CityBureau, byCode[c].Level));
        Assert.All(Utilities, c =>
            Assert.Equal((DepartmentLevel.Company, true), (byCode[c].Level, byCode[c].Kinds.HasFlag(DepartmentKinds.Owner))));
        foreach (var district in Districts)
        {
            var government = byCode["HK-QZF-" + district];
            Assert.Equal(DepartmentLevel.DistrictBureau, government.Level);
            foreach (var team in TeamPrefixes.Select(p => byCode[p + district]))
            {
                Assert.Equal((DepartmentLevel.Team, government.Id, district), (team.Level, team.ParentId, team.DistrictCode));
                Assert.True(team.Kinds.HasFlag(DepartmentKinds.HandlingUnit), team.Code);
            }
        }

        Assert.Equal("龙华区市政养护队", byCode["HK-SZ-460106"].Name);
        Assert.All(departments, d => Assert.False(string.IsNullOrWhiteSpace(d.NameEn), d.Code));
    }

    [Fact]
    public async Task EveryMatterType_HasACaseStandard_WithTheTimeLimitsOfTheBrief()
    {
        await using var db = city.CreateContext();
        var matters = await db.CatalogueTypes.Where(t => t.Kind == CatalogueKind.Matter).Select(t => t.Code).OrderBy(c => c).ToListAsync();
        var standards = await db.CaseStandards.AsNoTracking().Where(s => s.Kind == CatalogueKind.Matter).ToDictionaryAsync(s => s.TypeCode);
        var departmentIds = await db.Departments.Select(d => d.Id).ToListAsync();
        Assert.Equal(matters, standards.Keys.Order());
        Assert.All(standards.Values, s =>
        {
            Assert.True(s.TimeLimitAmount > 0 && s.RegistrationCondition.Length > 4 && s.ClosingCondition.Length > 4, s.TypeCode);
            Assert.Contains(s.DepartmentId!.Value, departmentIds);
        });
        Assert.Equal((Domain.Calendar.TimeType.UrgentHour, 120, true, HandlingDepartmentRule.ComponentMaintainer),
            (standards["01002"].TimeType, standards["01002"].TimeLimitAmount, standards["01002"].IsUrgent, standards["01002"].DepartmentRule));
        Assert.Equal((Domain.Calendar.TimeType.UrgentHour, 60), (standards["06029"].TimeType, standards["06029"].TimeLimitAmount));
        Assert.Equal((Domain.Calendar.TimeType.WorkDay, 1), (standards["01037"].TimeType, standards["01037"].TimeLimitAmount));
        Assert.Equal((Domain.Calendar.TimeType.WorkDay, 15), (standards["06001"].TimeType, standards["06001"].TimeLimitAmount));
        Assert.Equal((Domain.Calendar.TimeType.WorkDay, 15), (standards["08016"].TimeType, standards["08016"].TimeLimitAmount));
    }

    [Fact]
    public async Task EveryRole_HasADemoUser_WithItsScope_AndTheRoleUsersHeadTheBanner()
    {
        await using var db = city.CreateContext();
        var users = await db.StaffUsers.AsNoTracking().OrderBy(u => u.Id).ToListAsync();
        Assert.All(Enum.GetValues<Roles>().Where(r => r != Roles.None), role => Assert.Contains(users, u => u.HasRole(role)));
        Assert.Equal(["admin", "inspector", "operator", "shiftlead", "dispatcher", "dispatcher.longhua"], users.Take(6).Select(u => u.UserName));
        var byName = users.ToDictionary(u => u.UserName);
        Assert.Equal((Roles.Dispatcher, DataScopeKind.District, "460106"),
            (byName["dispatcher.longhua"].Roles, byName["dispatcher.longhua"].ScopeKind, byName["dispatcher.longhua"].ScopeDivisionCode));
        var maintenanceTeam = await db.Departments.SingleAsync(d => d.Code == "HK-SZ-460106");
        Assert.Equal((Roles.DepartmentHandler, DataScopeKind.Department, maintenanceTeam.Id),
            (byName["handler.shizheng"].Roles, byName["handler.shizheng"].ScopeKind, byName["handler.shizheng"].DepartmentId));
        Assert.All(CityWideUsers, n => Assert.Equal(DataScopeKind.City, byName[n].ScopeKind));
        Assert.InRange(users.Count(u => u.HasRole(Roles.Inspector)), 3, 60);
        Assert.Single(users.Select(u => u.PasswordHash).Distinct());
    }
}

public sealed class SqliteDemoCityCatalogueTests(DemoCityFixture<SqliteTestDatabase> city)
    : DemoCityCatalogueTests<SqliteTestDatabase>(city), IClassFixture<DemoCityFixture<SqliteTestDatabase>>;

public sealed class PostgresDemoCityCatalogueTests(DemoCityFixture<PostgresTestDatabase> city)
    : DemoCityCatalogueTests<PostgresTestDatabase>(city), IClassFixture<DemoCityFixture<PostgresTestDatabase>>;
