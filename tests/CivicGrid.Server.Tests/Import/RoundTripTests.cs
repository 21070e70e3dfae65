using CivicGrid.Data;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.Import;

/// <summary>Export → import into an empty database reproduces the rows, on both providers.</summary>
public abstract class RoundTripTests<TDatabase> : IAsyncLifetime where TDatabase : TestDatabase, new()
{
    private CityHost<TDatabase> _from = null!;
    private CityHost<TDatabase> _to = null!;

    public async Task InitializeAsync()
    {
        _from = await CityHost.StartAsync<TDatabase>(CityOptions.EmptyCity);
        _to = await CityHost.StartAsync<TDatabase>(CityOptions.EmptyCity);
        await _from.SeedTestCityGeography();
        await using (var db = _from.Db())
        {
            var type = await db.CatalogueTypes.SingleAsync(t => t.Code == "01001" && t.Kind == Domain.Catalogue.CatalogueKind.Component);
            type.LegacyCode = "0101";
            type.IsSensitive = true;
            await db.SaveChangesAsync();
        }
        ImportAssert.Committed(await _from.ImportCatalogue(_from.Write("local.csv",
            "kind,code,name,nameEn,legacyCode,extension,sensitive\ncomponent,91,病媒生物防制设施,\"Vector control, local\",,true,\ncomponent,91001,灭鼠站,,,true,\ncomponent,91002,=1+1 灭鼠站,@Rat trap,,true,\n")));
        ImportAssert.Committed(await _from.ImportComponents(_from.Write("c.geojson", TestCity.Collection(
            TestCity.Lamp(1, 110.3051234567891, 20.0051234567891),
            TestCity.Lamp(2, 110.305, 20.015, new() { ["status"] = "lost", ["competent"] = "HK-SZ", ["owner"] = "HK-SZ", ["maintainer"] = "HK-SZ-XY-1", ["note"] = "\"引号\", 逗号\n换行", ["source"] = "普查" }),
            TestCity.Lamp(3, 110.5, 20.5, new() { ["name"] = "=HYPERLINK(\"http://evil.example\",\"路灯\")", ["source"] = "@SUM(1+1)", ["note"] = "-1+2", ["grid"] = TestCity.NorthEastGrid, ["createdAt"] = "2020-01-02T03:04:05.678Z", ["changedAt"] = "2021-01-02T03:04:05.678+08:00" }),
            TestCity.Feature(TestCity.Point(110.315, 20.005), new() { ["id"] = "46010591001000001", ["name"] = "灭鼠站 1", ["crs"] = "gcj02" })))));
    }

    public async Task DisposeAsync()
    {
        await _from.DisposeAsync();
        await _to.DisposeAsync();
    }

    [Theory]
    [InlineData("json", "geojson")]
    [InlineData("csv", "csv")]
    public async Task Everything_ExportedAndImportedIntoAnEmptyDatabase_ComesBackTheSame(string catalogueFormat, string componentFormat)
    {
        Assert.Equal(4, await _from.ExportBoundaries(_from.PathOf("b.geojson")));
        Assert.Equal(4, await _from.ExportGrids(_from.PathOf("g.geojson")));
        Assert.Equal(4, await _from.ExportComponents(_from.PathOf("c." + componentFormat)));
        await _from.ExportCatalogue(_from.PathOf("k." + catalogueFormat));

        await _to.SeedDepartments();
        ImportAssert.Committed(await _to.ImportCatalogue(_from.PathOf("k." + catalogueFormat)));
        ImportAssert.Committed(await _to.ImportBoundaries(_from.PathOf("b.geojson")));
        ImportAssert.Committed(await _to.ImportGrids(_from.PathOf("g.geojson")));
        ImportAssert.Committed(await _to.ImportComponents(_from.PathOf("c." + componentFormat)));

        await using var source = _from.Db();
        await using var target = _to.Db();
        Assert.Equal(await Snapshot(source), await Snapshot(target));
    }

    [Fact]
    public async Task TheCsvExports_WriteNoCellThatASpreadsheetWouldRunAsAFormula()
    {
        await _from.ExportComponents(_from.PathOf("c.csv"));
        await _from.ExportCatalogue(_from.PathOf("k.csv"));

        var cells = CsvCells(_from.PathOf("c.csv")).Concat(CsvCells(_from.PathOf("k.csv"))).ToList();
        Assert.DoesNotContain(cells, c => c.Length > 0 && "=+-@\t\r".Contains(c[0], StringComparison.Ordinal));
        Assert.Contains("'=HYPERLINK(\"http://evil.example\",\"路灯\")", cells);
        Assert.Contains("'@SUM(1+1)", cells);
        Assert.Contains("'-1+2", cells);
        Assert.Contains("'=1+1 灭鼠站", cells);
        Assert.Contains("'@Rat trap", cells);
    }

    private static List<string> CsvCells(string path)
    {
        using var csv = CsvHelper.CsvReader.Create(File.OpenRead(path), CsvHelper.CsvReaderOptions.Default with { HasHeader = true }, leaveOpen: false);
        var cells = new List<string>();
        while (csv.Read())
            for (var i = 0; i < csv.FieldCount; i++) cells.Add(csv.GetString(i) ?? "");
        return cells;
    }

    /// <summary>Every imported table as comparable text, one line per row.</summary>
    private static async Task<string> Snapshot(CivicGridDbContext db)
    {
        var lines = new List<string>();
        lines.AddRange((await db.Cities.AsNoTracking().ToListAsync()).Select(c => $"city {c.Code} {c.Name} {c.NameEn} {c.CaseNumberPrefix}"));
        lines.AddRange((await db.AdministrativeUnits.AsNoTracking().ToListAsync()).OrderBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => $"unit {u.Code} {u.Level} {u.Name} {u.NameEn} {u.ParentCode} {u.CityCode} {u.Boundary?.AsText()}"));
        lines.AddRange((await db.UnitGrids.AsNoTracking().ToListAsync()).OrderBy(g => g.Code, StringComparer.Ordinal)
            .Select(g => $"grid {g.Code} {g.CityCode} {g.DistrictCode} {g.StreetCode} {g.CommunityCode} {g.AreaSquareMetres:R} {g.IsBuiltUp} {g.ResponsibleParty} {g.Boundary.AsText()}"));
        lines.AddRange((await db.CatalogueClasses.AsNoTracking().ToListAsync()).OrderBy(c => (c.Kind, c.MajorCode))
            .Select(c => $"class {c.Kind} {c.MajorCode} {c.Name} {c.NameEn} {c.IsExtension}"));
        lines.AddRange((await db.CatalogueTypes.AsNoTracking().ToListAsync()).OrderBy(t => (t.Kind, t.Code))
            .Select(t => $"type {t.Kind} {t.Code} {t.Name} {t.NameEn} {t.LegacyCode} {t.IsExtension} {t.IsSensitive} {t.IsActive}"));
        lines.AddRange((await db.Components.AsNoTracking().ToListAsync()).OrderBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => $"component {c.Id} {c.CityCode} {c.TypeCode} {c.Name} {c.GridCode} {c.Longitude:R} {c.Latitude:R} " +
                         $"{c.CompetentDepartmentId} {c.OwnerDepartmentId} {c.MaintainerDepartmentId} {c.Status} {c.CreatedAt:O} {c.ChangedAt:O} {c.Source} {c.Note}"));
        Assert.True(lines.Count > 30, "The snapshot should hold the whole test city.");
        return string.Join("\n", lines);
    }
}

public sealed class SqliteRoundTripTests : RoundTripTests<SqliteTestDatabase>;

public sealed class PostgresRoundTripTests : RoundTripTests<PostgresTestDatabase>;
