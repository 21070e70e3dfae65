using CivicGrid.Domain.Geography;
using CivicGrid.Server.Seeding;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.Demo;

/// <summary>The small demo city's administrative units and unit grids, on both providers (sealed classes at the end).</summary>
public abstract class DemoCityGeographyTests<TDatabase>(DemoCityFixture<TDatabase> city) where TDatabase : TestDatabase, new()
{
    [Fact]
    public async Task SmallDemo_IsHaikouWithItsFourRealDistricts_TwoStreetsEach_AndTwoCommunitiesPerStreet()
    {
        await using var db = city.CreateContext();
        var haikou = await db.Cities.SingleAsync();
        Assert.Equal(("460100", "海口市", "HK", "Asia/Shanghai"), (haikou.Code, haikou.Name, haikou.CaseNumberPrefix, haikou.TimeZoneId));
        var units = await db.AdministrativeUnits.AsNoTracking().ToListAsync();
        var districts = units.Where(u => u.Level == AdministrativeLevel.District).OrderBy(u => u.Code).Select(u => (u.Code, u.Name));
        Assert.Equal([("460105", "秀英区"), ("460106", "龙华区"), ("460107", "琼山区"), ("460108", "美兰区")], districts);
        Assert.Equal(8, units.Count(u => u.Level == AdministrativeLevel.Street));
        Assert.Equal(16, units.Count(u => u.Level == AdministrativeLevel.Community));
        foreach (var unit in units)
        {
            var code = DivisionCode.Parse(unit.Code);
            Assert.Equal(code.Level, unit.Level);
            Assert.Equal(code.Parent!.Value.Value, unit.ParentCode);
            Assert.Contains(unit.ParentCode, units.Select(u => u.Code).Append("460100"));
            Assert.True(unit.Boundary is { IsValid: true, IsEmpty: false }, $"{unit.Code} has no valid boundary.");
            Assert.Matches(unit.Level switch { AdministrativeLevel.Street => "(街道|镇)$", AdministrativeLevel.Community => "(社区|村)$", _ => "区$" }, unit.Name);
        }
    }

    [Fact]
    public async Task EveryGridCode_ParsesAsAUnitGridCode_WhoseCommunityExists_With15DigitsOnlyAbove99Grids()
    {
        var grids = await city.GridsAsync();
        await using var db = city.CreateContext();
        var communities = await db.AdministrativeUnits.Where(u => u.Level == AdministrativeLevel.Community).ToDictionaryAsync(u => u.Code);
        Assert.InRange(grids.Count, 300, 1_000);
        foreach (var grid in grids)
        {
            var code = UnitGridCode.Parse(grid.Code);
            Assert.True(code.IsNumeric);
            Assert.Equal(grid.CommunityCode, code.Community!.Value.Value);
            Assert.True(communities.ContainsKey(grid.CommunityCode), $"{grid.Code}: no community {grid.CommunityCode}.");
            Assert.Equal((grid.CommunityCode[..9], grid.CommunityCode[..6], "460100"), (grid.StreetCode, grid.DistrictCode, grid.CityCode));
            Assert.Contains(communities[grid.CommunityCode].Name, grid.ResponsibleParty);
        }

        foreach (var community in grids.GroupBy(g => g.CommunityCode))
        {
            Assert.All(community, g => Assert.Equal(community.Count() <= 99 ? 14 : 15, g.Code.Length));
        }

        Assert.Contains(grids, g => g.Code.Length == 14);
        Assert.Contains(grids, g => g.Code.Length == 15);
    }

    [Fact]
    public async Task GridSerials_RunFromOneWithoutGaps_WestToEastWithinARow_RowsNorthToSouth()
    {
        foreach (var community in (await city.GridsAsync()).GroupBy(g => g.CommunityCode))
        {
            var bySerial = community.OrderBy(g => UnitGridCode.Parse(g.Code).Serial).ToList();
            Assert.Equal(Enumerable.Range(1, bySerial.Count), bySerial.Select(g => UnitGridCode.Parse(g.Code).Serial!.Value));
            for (var i = 1; i < bySerial.Count; i++)
            {
                var (previous, next) = (bySerial[i - 1].Boundary.EnvelopeInternal, bySerial[i].Boundary.EnvelopeInternal);
                var readingOrder = next.MaxY < previous.MaxY || (next.MaxY == previous.MaxY && next.MinX > previous.MinX);
                Assert.True(readingOrder, $"{bySerial[i].Code} does not follow {bySerial[i - 1].Code} west→east, north→south.");
            }
        }
    }

    [Fact]
    public async Task BuiltUpGrids_Measure10000To30000SquareMetres_RuralGridsHalfToOneSquareKilometre_AsMeasuredOnTheGround()
    {
        var grids = await city.GridsAsync();
        Assert.Contains(grids, g => g.IsBuiltUp);
        Assert.Contains(grids, g => !g.IsBuiltUp);
        foreach (var grid in grids)
        {
            var box = grid.Boundary.EnvelopeInternal;
            var width = GeoDistance.Metres(new GeoPoint(box.MinX, box.Centre.Y), new GeoPoint(box.MaxX, box.Centre.Y));
            var height = GeoDistance.Metres(new GeoPoint(box.MinX, box.MinY), new GeoPoint(box.MinX, box.MaxY));
            Assert.Equal(width * height, grid.AreaSquareMetres, tolerance: width * height * 0.005);
            if (grid.IsBuiltUp) Assert.InRange(grid.AreaSquareMetres, 10_000, 30_000);
            else Assert.InRange(grid.AreaSquareMetres, 500_000, 1_000_000);
        }
    }

    [Fact]
    public async Task UnitGrids_DoNotOverlap_AndEachLiesInsideItsCommunityBoundary()
    {
        var grids = await city.GridsAsync();
        await using var db = city.CreateContext();
        var communities = await db.AdministrativeUnits.Where(u => u.Level == AdministrativeLevel.Community).ToDictionaryAsync(u => u.Code, u => u.Boundary!);
        var index = new NetTopologySuite.Index.Strtree.STRtree<UnitGrid>();
        foreach (var grid in grids) index.Insert(grid.Boundary.EnvelopeInternal, grid);
        foreach (var grid in grids)
        {
            Assert.True(grid.Boundary.IsValid, $"{grid.Code} is not a valid polygon.");
            Assert.True(communities[grid.CommunityCode].Covers(grid.Boundary), $"{grid.Code} sticks out of community {grid.CommunityCode}.");
            foreach (var other in index.Query(grid.Boundary.EnvelopeInternal).Where(o => o.Code != grid.Code))
            {
                Assert.False(grid.Boundary.Relate(other.Boundary, "2********"), $"{grid.Code} overlaps {other.Code}.");
            }
        }

        var gridArea = grids.Sum(g => g.Boundary.Area);
        Assert.Equal(communities.Values.Sum(c => c.Area), gridArea, tolerance: gridArea * 1e-9);
    }

    [Fact]
    public async Task Streets_AreTiledByTheirCommunities_AndDistrictsByTheirStreets()
    {
        await using var db = city.CreateContext();
        var units = await db.AdministrativeUnits.AsNoTracking().ToListAsync();
        foreach (var parent in units.Where(u => u.Level is AdministrativeLevel.District or AdministrativeLevel.Street))
        {
            var children = units.Where(u => u.ParentCode == parent.Code).ToList();
            Assert.NotEmpty(children);
            Assert.Equal(parent.Boundary!.Area, children.Sum(c => c.Boundary!.Area), tolerance: parent.Boundary.Area * 1e-9);
            Assert.All(children, c => Assert.True(parent.Boundary.Covers(c.Boundary!), $"{c.Code} sticks out of {parent.Code}."));
        }
    }

    [Fact]
    public async Task SeaPoint_LocatesToNothing_AndCentrePoint_ToABuiltUpGridOfLonghua()
    {
        Assert.Null(await city.Locator.LocateAsync(DemoCity.SeaPoint.Longitude, DemoCity.SeaPoint.Latitude));
        var centre = await city.Locator.LocateAsync(DemoCity.CentrePoint.Longitude, DemoCity.CentrePoint.Latitude);
        Assert.NotNull(centre?.GridCode);
        Assert.Equal(("460106", "龙华区"), (centre.District.Code, centre.District.Name));
        var grid = (await city.GridsAsync()).Single(g => g.Code == centre.GridCode);
        Assert.True(grid.IsBuiltUp);
    }

    [Fact]
    public async Task LocateEndpoint_FindsTheCentreGridOverHttp_AndAnswers404AtSea()
    {
        var centre = await city.Server.Client.GetAsync(LocateUrl(DemoCity.CentrePoint));
        Assert.Equal(System.Net.HttpStatusCode.OK, centre.StatusCode);
        Assert.Contains("\"gridCode\":\"460106", await centre.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var sea = await city.Server.Client.GetAsync(LocateUrl(DemoCity.SeaPoint));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, sea.StatusCode);
    }

    private static string LocateUrl(GeoPoint point) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/api/v1/grids/locate?lat={point.Latitude}&lon={point.Longitude}");

    [Fact]
    public async Task ResponsibilityGrids_GroupUpTo60GridsOfOneStreet_AndInspectorPatrolsTheCentre()
    {
        var grids = await city.GridsAsync();
        await using var db = city.CreateContext();
        var areas = await db.ResponsibilityGrids.AsNoTracking().ToDictionaryAsync(a => a.Id);
        Assert.All(grids, g => Assert.NotNull(g.ResponsibilityGridId));
        foreach (var area in grids.GroupBy(g => g.ResponsibilityGridId!.Value))
        {
            Assert.InRange(area.Count(), 1, 60);
            Assert.Single(area.Select(g => g.StreetCode).Distinct());
            Assert.Equal(area.First().DistrictCode, areas[area.Key].DistrictCode);
        }

        var inspector = await db.StaffUsers.SingleAsync(u => u.UserName == "inspector");
        var centre = await city.Locator.LocateAsync(DemoCity.CentrePoint.Longitude, DemoCity.CentrePoint.Latitude);
        var centreArea = grids.Single(g => g.Code == centre!.GridCode).ResponsibilityGridId!.Value;
        Assert.Equal(inspector.Id, areas[centreArea].InspectorUserId);
    }

    [Fact]
    public async Task WorkingCalendar_HoldsTheShippedHolidaysAndAdjustedWorkingDays()
    {
        await using var db = city.CreateContext();
        var days = await db.CalendarDays.AsNoTracking().OrderBy(d => d.Date).ToListAsync();
        Assert.Equal(CivicGrid.Data.Calendar.ShippedCalendar.Days, days);
        Assert.Equal(Domain.Calendar.ChineseHolidays.Year2026().Select(d => (d.Date, d.Kind)).Order(),
            days.Where(d => d.Date.Year == 2026).Select(d => (d.Date, d.Kind)));
    }

    [Fact]
    public async Task CityCalendar_BuiltFromTheDatabase_KnowsNationalDayAndItsAdjustedSaturday()
    {
        var calendar = await city.Server.Services.GetRequiredService<Features.Calendar.CityCalendar>().GetAsync();
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));
        Assert.Equal(TimeSpan.FromHours(7), calendar.WorkingTimePerDay);
        Assert.Equal("Asia/Shanghai", calendar.Zone.Id);
    }
}

public sealed class SqliteDemoCityGeographyTests(DemoCityFixture<SqliteTestDatabase> city)
    : DemoCityGeographyTests<SqliteTestDatabase>(city), IClassFixture<DemoCityFixture<SqliteTestDatabase>>;

public sealed class PostgresDemoCityGeographyTests(DemoCityFixture<PostgresTestDatabase> city)
    : DemoCityGeographyTests<PostgresTestDatabase>(city), IClassFixture<DemoCityFixture<PostgresTestDatabase>>;
