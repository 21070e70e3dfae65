using System.Text.Json;
using CivicGrid.Server.Features.Map;
using CivicGrid.Server.Interchange;
using CivicGrid.Server.Tests.Import;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.Map;

/// <summary>GET /api/v1/map/components over the small demo city (≈ 2,300 components): clusters at low zoom, points at
/// high zoom, counts that add up to what SQL counts in the same box, bounded answers, and a fresh index after an import.</summary>
public abstract class MapComponentTests<TDatabase>(CityHost<TDatabase> city) where TDatabase : TestDatabase, new()
{
    [Fact]
    public async Task WholeCity_AtLowZoom_IsClusters_WhoseCountsAddUpToTheComponentsInTheBox()
    {
        var (minLon, minLat, maxLon, maxLat) = await ExtentAsync();
        var body = await ComponentsAsync(minLon, minLat, maxLon, maxLat, zoom: 11);

        Assert.Equal("clusters", body.GetProperty("mode").GetString());
        var clusters = body.GetProperty("clusters").EnumerateArray().ToList();
        var total = body.GetProperty("total").GetInt64();
        Assert.Equal(await SqlCountAsync(minLon, minLat, maxLon, maxLat), total);
        Assert.Equal(total, clusters.Sum(c => c.GetProperty("count").GetInt64()));
        Assert.InRange(clusters.Count, 2, 400);
        Assert.Empty(body.GetProperty("points").EnumerateArray());
        Assert.All(clusters, c =>
        {
            Assert.InRange(c.GetProperty("lon").GetDouble(), minLon, maxLon);
            Assert.InRange(c.GetProperty("lat").GetDouble(), minLat, maxLat);
        });
    }

    [Fact]
    public async Task SmallViewport_AtHighZoom_IsPoints_ExactlyTheComponentsInTheBox()
    {
        await using var db = city.Db();
        var anchor = await db.Components.AsNoTracking().OrderBy(c => c.Id).Skip(100).FirstAsync();
        var (minLon, minLat, maxLon, maxLat) = (anchor.Longitude - 0.003, anchor.Latitude - 0.003, anchor.Longitude + 0.003, anchor.Latitude + 0.003);
        var body = await ComponentsAsync(minLon, minLat, maxLon, maxLat, zoom: 17);

        Assert.Equal("points", body.GetProperty("mode").GetString());
        var expected = await db.Components.AsNoTracking()
            .Where(c => c.Longitude >= minLon && c.Longitude <= maxLon && c.Latitude >= minLat && c.Latitude <= maxLat)
            .ToDictionaryAsync(c => c.Id);
        var points = body.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(expected.Keys.Order(), points.Select(p => p.GetProperty("id").GetString()!).Order());
        Assert.Equal(expected.Count, body.GetProperty("total").GetInt64());
        foreach (var point in points)
        {
            var row = expected[point.GetProperty("id").GetString()!];
            Assert.Equal(row.TypeCode, point.GetProperty("typeCode").GetString());
            Assert.Equal(row.Name, point.GetProperty("name").GetString());
            Assert.Equal(row.Status.ToString(), point.GetProperty("status").GetString());
            Assert.Equal(row.Longitude, point.GetProperty("lon").GetDouble(), 6);
            Assert.Equal(row.Latitude, point.GetProperty("lat").GetDouble(), 6);
        }
    }

    [Fact]
    public async Task RandomViewports_AtZooms10To18_CountWhatSqlCounts_AndStayBounded()
    {
        var (minLon, minLat, maxLon, maxLat) = await ExtentAsync();
        var random = new Random(20261126);
        for (var i = 0; i < 30; i++)
        {
            var zoom = random.Next(10, 19);
            var width = (maxLon - minLon) * Math.Pow(2, -random.Next(0, 6)) * (0.5 + random.NextDouble());
            var height = width * (0.4 + random.NextDouble() * 0.4);
            var west = minLon + random.NextDouble() * (maxLon - minLon - width / 2);
            var south = minLat + random.NextDouble() * (maxLat - minLat - height / 2);
            var body = await ComponentsAsync(west, south, west + width, south + height, zoom);

            var expected = await SqlCountAsync(west, south, west + width, south + height);
            var clusters = body.GetProperty("clusters").EnumerateArray().ToList();
            var points = body.GetProperty("points").EnumerateArray().ToList();
            Assert.Equal(expected, body.GetProperty("total").GetInt64());
            Assert.Equal(expected, clusters.Sum(c => c.GetProperty("count").GetInt64()) + points.Count);
            Assert.True(clusters.Count + points.Count <= ComponentIndex.MaxItems);
        }
    }

    [Fact]
    public async Task WholeCity_AtStreetZoom_StaysBounded_AsClusters()
    {
        var (minLon, minLat, maxLon, maxLat) = await ExtentAsync();
        var body = await ComponentsAsync(minLon, minLat, maxLon, maxLat, zoom: 18);

        var total = body.GetProperty("total").GetInt64();
        Assert.True(total > ComponentIndex.MaxItems, $"the small city should hold more than {ComponentIndex.MaxItems} components (has {total})");
        Assert.Equal("clusters", body.GetProperty("mode").GetString());
        var clusters = body.GetProperty("clusters").EnumerateArray().ToList();
        Assert.InRange(clusters.Count, 1, ComponentIndex.MaxItems);
        Assert.Equal(total, clusters.Sum(c => c.GetProperty("count").GetInt64()));
    }

    [Fact]
    public async Task Types_FilterTheCount()
    {
        var (minLon, minLat, maxLon, maxLat) = await ExtentAsync();
        await using var db = city.Db();
        var types = await db.Components.GroupBy(c => c.TypeCode).Select(g => new { Type = g.Key, Count = g.Count() })
            .OrderByDescending(t => t.Count).Take(2).ToListAsync();
        var filter = string.Join(',', types.Select(t => t.Type));
        var body = await ComponentsAsync(minLon, minLat, maxLon, maxLat, zoom: 12, $"&types={filter}");
        Assert.Equal(types.Sum(t => t.Count), body.GetProperty("total").GetInt64());
        var none = await ComponentsAsync(minLon, minLat, maxLon, maxLat, zoom: 12, "&types=99999");
        Assert.Equal(0, none.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task ImportedComponents_AreInTheNextAnswer()
    {
        const double Lon = 110.3312345, Lat = 20.0198765; // 龙华区, near the demo centre
        var (minLon, minLat, maxLon, maxLat) = (Lon - 0.0005, Lat - 0.0005, Lon + 0.0005, Lat + 0.0005);
        var before = await ComponentsAsync(minLon, minLat, maxLon, maxLat, zoom: 18);
        var ids = Ids(before);

        var path = Path.Combine(Path.GetTempPath(), $"map-import-{Guid.NewGuid():N}.geojson");
        await File.WriteAllTextAsync(path, TestCity.Collection(
            TestCity.Feature(TestCity.Point(Lon, Lat), new() { ["id"] = "46010601037999001", ["type"] = "01037", ["name"] = "路灯 地图测试" }),
            TestCity.Feature(TestCity.Point(Lon + 0.0001, Lat), new() { ["id"] = "46010601037999002", ["type"] = "01037", ["name"] = "路灯 地图测试" })));
        try
        {
            await using var scope = city.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ComponentImporter>()
                .ImportAsync(path, ImportOptions.AllOrNothing, progress: null, CancellationToken.None);
            Assert.True(result.Committed, string.Join("; ", result.Rejections.Select(r => r.Reason)));
        }
        finally
        {
            File.Delete(path);
        }

        var after = await ComponentsAsync(minLon, minLat, maxLon, maxLat, zoom: 18);
        Assert.Equal(before.GetProperty("total").GetInt64() + 2, after.GetProperty("total").GetInt64());
        Assert.Equal(ids.Append("46010601037999001").Append("46010601037999002").Order(StringComparer.Ordinal), Ids(after));
    }

    private static List<string> Ids(JsonElement body) =>
        body.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToList();

    private Task<JsonElement> ComponentsAsync(double minLon, double minLat, double maxLon, double maxLat, int zoom, string extra = "") =>
        city.GetJson("dispatcher", $"/api/v1/map/components?bbox={Viewports.Bbox(minLon, minLat, maxLon, maxLat)}&zoom={zoom}{extra}");

    private async Task<(double, double, double, double)> ExtentAsync()
    {
        await using var db = city.Db();
        var lons = await db.Components.Select(c => c.Longitude).ToListAsync();
        var lats = await db.Components.Select(c => c.Latitude).ToListAsync();
        return (lons.Min() - 0.001, lats.Min() - 0.001, lons.Max() + 0.001, lats.Max() + 0.001);
    }

    private async Task<long> SqlCountAsync(double minLon, double minLat, double maxLon, double maxLat)
    {
        await using var db = city.Db();
        return await db.Components.LongCountAsync(c => c.Longitude >= minLon && c.Longitude <= maxLon && c.Latitude >= minLat && c.Latitude <= maxLat);
    }
}

public sealed class SqliteMapComponentTests(SqliteCity city) : MapComponentTests<SqliteTestDatabase>(city), IClassFixture<SqliteCity>;

public sealed class PostgresMapComponentTests(PostgresCity city) : MapComponentTests<PostgresTestDatabase>(city), IClassFixture<PostgresCity>;
