using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Tests.Cases;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.Map;

/// <summary>GET /api/v1/map/cases: the viewport's cases within the caller's data scope, with their deadline light.</summary>
public abstract class MapCaseTests<TDatabase>(CityHost<TDatabase> city) where TDatabase : TestDatabase, new()
{
    private const string WholeCity = "110.0,19.5,110.8,20.3";

    [Fact]
    public async Task DistrictDispatcher_SeesOnlyTheirDistrictsCases_TheCityDispatcherSeesBoth()
    {
        var (lon, lat) = await city.PointInXiuying();
        var xiuying = (await city.Report("operator", Reports.At("06013", lon, lat, "秀英区道路破损 map"))).GetProperty("id").GetInt64();
        var longhua = (await city.Report("operator", Reports.At("06042", description: "龙华区垃圾站满溢 map"))).GetProperty("id").GetInt64();

        var district = await CasesAsync("dispatcher.longhua", $"bbox={WholeCity}");
        var wholeCity = await CasesAsync("dispatcher", $"bbox={WholeCity}");

        Assert.Contains(longhua, Ids(district));
        Assert.DoesNotContain(xiuying, Ids(district));
        Assert.Contains(longhua, Ids(wholeCity));
        Assert.Contains(xiuying, Ids(wholeCity));
        await using var db = city.Db();
        var ids = Ids(district);
        var districts = await db.Cases.Where(c => ids.Contains(c.Id)).Select(c => c.DistrictCode).Distinct().ToListAsync();
        Assert.Equal(["460106"], districts);
    }

    [Fact]
    public async Task ACase_IsMarkedWithItsNumber_Type_Position_AndGreenLight()
    {
        var created = await city.Report("operator", Reports.At("06010", 110.3311, 20.0211, description: "垃圾 map light"));
        var id = created.GetProperty("id").GetInt64();

        var body = await CasesAsync("dispatcher", $"bbox={Viewports.Bbox(110.3301, 20.0201, 110.3321, 20.0221)}");

        var marker = body.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetInt64() == id);
        Assert.Equal(created.GetProperty("number").GetString(), marker.GetProperty("number").GetString());
        Assert.Equal("06010", marker.GetProperty("typeCode").GetString());
        Assert.Equal("Reported", marker.GetProperty("status").GetString());
        Assert.Equal("green", marker.GetProperty("light").GetString());
        Assert.Equal(110.3311, marker.GetProperty("lon").GetDouble(), 6);
        Assert.Equal(20.0211, marker.GetProperty("lat").GetDouble(), 6);
        var elsewhere = await CasesAsync("dispatcher", $"bbox={Viewports.Bbox(110.3322, 20.0201, 110.3342, 20.0221)}");
        Assert.DoesNotContain(id, Ids(elsewhere));
    }

    [Fact]
    public async Task AMarker_NamesItsType_Place_Department_AndDeadline_ForThePopup()
    {
        var id = (await city.Report("operator", Reports.At("06010", 110.3315, 20.0215, description: "垃圾 map popup"))).GetProperty("id").GetInt64();
        await city.Step("operator", id, new { action = "register" });
        await city.Step("dispatcher", id, new { action = "dispatch" });

        var body = await CasesAsync("dispatcher", $"bbox={Viewports.Bbox(110.3305, 20.0205, 110.3325, 20.0225)}");

        var marker = body.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetInt64() == id);
        await using var db = city.Db();
        var row = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id);
        var type = await db.CatalogueTypes.AsNoTracking().SingleAsync(t => t.Kind == row.Kind && t.Code == row.TypeCode);
        var department = await db.Departments.AsNoTracking().SingleAsync(d => d.Id == row.DepartmentId);
        var street = await db.AdministrativeUnits.AsNoTracking().SingleAsync(u => u.Code == row.StreetCode);
        var community = await db.AdministrativeUnits.AsNoTracking().SingleAsync(u => u.Code == row.CommunityCode);
        Assert.Equal(type.Name, marker.GetProperty("typeName").GetString());
        Assert.Equal(department.Name, marker.GetProperty("departmentName").GetString());
        Assert.Equal($"{street.Name} · {community.Name}", marker.GetProperty("place").GetString());
        Assert.Equal(row.StageDueAt, marker.GetProperty("dueAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task OpenOnly_LeavesFinishedCasesOut_StatusAllShowsThem_AndTypesFilter()
    {
        var id = (await city.Report("operator", Reports.At("06001", 110.3401, 20.0301, "私搭乱建 map reject"))).GetProperty("id").GetInt64();
        await city.Step("operator", id, new { action = "reject", note = "不属于受理范围" });
        var bbox = Viewports.Bbox(110.3391, 20.0291, 110.3411, 20.0311);

        Assert.DoesNotContain(id, Ids(await CasesAsync("dispatcher", $"bbox={bbox}")));
        var all = await CasesAsync("dispatcher", $"bbox={bbox}&status=all");
        Assert.Contains(id, Ids(all));
        Assert.Contains(id, Ids(await CasesAsync("dispatcher", $"bbox={bbox}&status=all&types=06001,06010")));
        Assert.DoesNotContain(id, Ids(await CasesAsync("dispatcher", $"bbox={bbox}&status=all&types=06010")));
    }

    [Fact]
    public async Task Light_And_Department_Filter_LikeTheCaseList()
    {
        var red = await CasesAsync("dispatcher", $"bbox={WholeCity}&light=red");
        var list = await (await city.SignInAs("dispatcher")).GetFromJsonAsync<JsonElement>("/api/v1/cases?light=red&pageSize=1");
        Assert.True(list.GetProperty("total").GetInt32() > 0, "the demo city has overdue cases");
        Assert.Equal(list.GetProperty("total").GetInt32(), red.GetProperty("count").GetInt32());
        Assert.All(red.GetProperty("cases").EnumerateArray(), c => Assert.Equal("red", c.GetProperty("light").GetString()));

        await using var db = city.Db();
        var department = await db.Cases.Where(c => c.DepartmentId != null).GroupBy(c => c.DepartmentId).OrderByDescending(g => g.Count())
            .Select(g => g.Key).FirstAsync();
        var byDepartment = await CasesAsync("dispatcher", $"bbox={WholeCity}&department={department}&status=all");
        Assert.NotEmpty(byDepartment.GetProperty("cases").EnumerateArray());
        Assert.All(byDepartment.GetProperty("cases").EnumerateArray(), c => Assert.Equal(department, c.GetProperty("departmentId").GetInt32()));
    }

    private static List<long> Ids(JsonElement body) => body.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).ToList();

    private async Task<JsonElement> CasesAsync(string user, string query)
    {
        var response = await (await city.SignInAs(user)).GetAsync($"/api/v1/map/cases?{query}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

public sealed class SqliteMapCaseTests(SqliteCity city) : MapCaseTests<SqliteTestDatabase>(city), IClassFixture<SqliteCity>;

public sealed class PostgresMapCaseTests(PostgresCity city) : MapCaseTests<PostgresTestDatabase>(city), IClassFixture<PostgresCity>;
