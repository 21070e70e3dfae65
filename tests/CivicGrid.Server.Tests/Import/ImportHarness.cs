using CivicGrid.Data;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Features.Catalogue;
using CivicGrid.Server.Features.Geography;
using CivicGrid.Server.Hosting;
using CivicGrid.Server.Interchange;
using CivicGrid.Server.Platform.Cli;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace CivicGrid.Server.Tests.Import;

/// <summary>The core services (as the CLI builds them) over a migrated test database, a temp folder for input
/// files, and intent methods for the imports and exports.</summary>
public sealed class ImportHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    private ImportHarness(TestDatabase database, ServiceProvider services)
    {
        Database = database;
        _services = services;
        Folder = Directory.CreateTempSubdirectory("civicgrid-import-").FullName;
    }

    public TestDatabase Database { get; }
    public string Folder { get; }
    public GridLocator Locator => _services.GetRequiredService<GridLocator>();

    public static async Task<ImportHarness> CreateAsync(TestDatabase database)
    {
        await using (var db = database.CreateContext()) await db.Database.MigrateAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
        }).Build();
        var services = new ServiceCollection().AddCivicGridCore(configuration);
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        return new ImportHarness(database, services.BuildServiceProvider());
    }

    /// <summary>Writes a file into the temp folder and returns its path.</summary>
    public string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>The standard catalogue and two departments, as the components of <see cref="TestCity"/> need them.</summary>
    public async Task SeedCatalogueAndDepartmentsAsync()
    {
        await using (var db = Database.CreateContext()) await StandardCatalogueSeeder.EnsureAsync(db, CancellationToken.None);
        await SeedDepartmentsAsync();
    }

    public async Task SeedDepartmentsAsync()
    {
        await using var db = Database.CreateContext();
        db.Departments.AddRange(
            new Department { Code = "HK-SZ", Name = "海口市市政管理局", NameEn = "Municipal bureau", CityCode = "460100", Level = DepartmentLevel.CityBureau, Kinds = DepartmentKinds.Competent },
            new Department { Code = "HK-SZ-XY-1", Name = "秀英市政养护队", NameEn = "Xiuying maintenance team", CityCode = "460100", Level = DepartmentLevel.Team, Kinds = DepartmentKinds.Maintainer });
        await db.SaveChangesAsync();
    }

    /// <summary>City (from cityName), boundaries and grids of <see cref="TestCity"/>, plus catalogue and departments.</summary>
    public async Task SeedGeographyAsync()
    {
        await SeedCatalogueAndDepartmentsAsync();
        AssertCommitted(await ImportBoundariesAsync(Write("boundaries.geojson", TestCity.Boundaries)));
        AssertCommitted(await ImportGridsAsync(Write("grids.geojson", TestCity.Grids)));
    }

    public Task<ImportResult> ImportBoundariesAsync(string path, ImportOptions? options = null) =>
        InScope<BoundaryImporter, ImportResult>(importer => importer.ImportAsync(path, options ?? ImportOptions.AllOrNothing, null, CancellationToken.None));

    public Task<ImportResult> ImportGridsAsync(string path, ImportOptions? options = null) =>
        InScope<GridImporter, ImportResult>(importer => importer.ImportAsync(path, options ?? ImportOptions.AllOrNothing, null, CancellationToken.None));

    public Task<ImportResult> ImportComponentsAsync(string path, ImportOptions? options = null) =>
        InScope<ComponentImporter, ImportResult>(importer => importer.ImportAsync(path, options ?? ImportOptions.AllOrNothing, new ProgressSink(), CancellationToken.None));

    public Task<ImportResult> ImportCatalogueAsync(string path, ImportOptions? options = null) =>
        InScope<CatalogueImporter, ImportResult>(importer => importer.ImportAsync(path, options ?? ImportOptions.AllOrNothing, CancellationToken.None));

    public Task<long> ExportBoundariesAsync(string path) => InScope<BoundaryExporter, long>(e => e.ExportAsync(path, CancellationToken.None));
    public Task<long> ExportGridsAsync(string path) => InScope<GridExporter, long>(e => e.ExportAsync(path, CancellationToken.None));
    public Task<long> ExportComponentsAsync(string path) => InScope<ComponentExporter, long>(e => e.ExportAsync(path, null, CancellationToken.None));
    public Task<long> ExportCatalogueAsync(string path) => InScope<CatalogueExporter, long>(e => e.ExportAsync(path, CancellationToken.None));

    public static void AssertCommitted(ImportResult result) =>
        Assert.True(result.Committed && result.Rejected == 0, "Rejected: " + string.Join("\n", result.Rejections));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }

    private async Task<TResult> InScope<TService, TResult>(Func<TService, Task<TResult>> run) where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private sealed class ProgressSink : IProgress<ProgressReport>
    {
        public void Report(ProgressReport value) => Assert.True(value.Done <= value.Total || value.Total == 0);
    }
}
