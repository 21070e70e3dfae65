using CivicGrid.Domain.Catalogue;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.Import;

/// <summary>Catalogue import from JSON and CSV over the standard catalogue, on both providers.</summary>
public abstract class CatalogueImportTests<TDatabase> : IAsyncLifetime where TDatabase : TestDatabase, new()
{
    private CityHost<TDatabase> _city = null!;

    public async Task InitializeAsync()
    {
        _city = await CityHost.StartAsync<TDatabase>(CityOptions.EmptyCity);
        await _city.SeedDepartments();
    }

    public async Task DisposeAsync()
    {
        await _city.DisposeAsync();
    }

    [Fact]
    public async Task CatalogueJson_AddsALocalExtensionClassAndType_AndUpdatesAnExistingType()
    {
        var path = _city.Write("local.json", """
            {
              "types": [
                { "kind": "component", "code": "91001", "name": "灭鼠站", "nameEn": "Rodent bait station", "extension": true },
                { "kind": "component", "code": "01037", "name": "路灯（含景观灯）", "nameEn": "Street lamp", "extension": false, "sensitive": true }
              ],
              "classes": [
                { "kind": "component", "major": "91", "name": "病媒生物防制设施", "nameEn": "Vector control facilities", "extension": true }
              ]
            }
            """);

        var result = await _city.ImportCatalogue(path);

        ImportAssert.Committed(result);
        Assert.Equal(3, result.Imported);
        await using var db = _city.Db();
        var major = await db.CatalogueClasses.SingleAsync(c => c.MajorCode == "91");
        Assert.Equal((CatalogueKind.Component, "病媒生物防制设施", true), (major.Kind, major.Name, major.IsExtension));
        var station = await db.CatalogueTypes.SingleAsync(t => t.Code == "91001");
        Assert.Equal(("灭鼠站", "Rodent bait station", true, true), (station.Name, station.NameEn, station.IsExtension, station.IsActive));
        var lamp = await db.CatalogueTypes.SingleAsync(t => t.Kind == CatalogueKind.Component && t.Code == "01037");
        Assert.Equal(("路灯（含景观灯）", true), (lamp.Name, lamp.IsSensitive));
    }

    [Fact]
    public async Task CatalogueCsv_AddsALocalExtensionClassAndMatterType()
    {
        var path = _city.Write("local.csv",
            "kind,code,name,nameEn,legacyCode,extension,sensitive\n" +
            "matter,91,扩展事项,Local matters,,true,\n" +
            "matter,91001,积水点,Waterlogging point,,true,false\n");

        ImportAssert.Committed(await _city.ImportCatalogue(path));

        await using var db = _city.Db();
        Assert.True(await db.CatalogueClasses.AnyAsync(c => c.Kind == CatalogueKind.Matter && c.MajorCode == "91" && c.IsExtension));
        var type = await db.CatalogueTypes.SingleAsync(t => t.Kind == CatalogueKind.Matter && t.Code == "91001");
        Assert.Equal(("积水点", "Waterlogging point", true), (type.Name, type.NameEn, type.IsExtension));
    }

    [Fact]
    public async Task CatalogueType_OfAClassThatExistsNowhere_IsRejected_WithItsLine()
    {
        var path = _city.Write("bad.json", "{\n\"types\": [\n{ \"kind\": \"component\", \"code\": \"92001\", \"name\": \"x\" },\n{ \"kind\": \"thing\", \"code\": \"01001\", \"name\": \"y\" }\n]\n}\n");

        var result = await _city.ImportCatalogue(path);

        Assert.False(result.Committed);
        Assert.Equal(
            [(3L, "types[0]", "code: the class 92 of this component type is neither in the database nor in the file"),
             (4L, "types[1]", "kind: 'thing' is not component or matter")],
            result.Rejections.Select(r => (r.Line ?? 0, r.Item, r.Reason)));
    }
}

public sealed class SqliteCatalogueImportTests : CatalogueImportTests<SqliteTestDatabase>;

public sealed class PostgresCatalogueImportTests : CatalogueImportTests<PostgresTestDatabase>;
