using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Features.Geography;
using CivicGrid.Server.Interchange;
using CivicGrid.Server.Platform.Cli;
using CivicGrid.Server.Tests.Import;

namespace CivicGrid.Server.Tests.Infrastructure;

/// <summary>Intent methods for imports and exports (the services the CLI verbs run, taken from the running server),
/// with a folder of the host's own for the files.</summary>
public partial class CityHost<TDatabase>
{
    private string? _files;

    private string Files => _files ??= Directory.CreateTempSubdirectory("civicgrid-import-").FullName;

    public GridLocator Locator => Services.GetRequiredService<GridLocator>();

    /// <summary>Writes a file into the host's folder; its path.</summary>
    public string Write(string name, string content)
    {
        var path = PathOf(name);
        File.WriteAllText(path, content);
        return path;
    }

    public string PathOf(string name) => Path.Combine(Files, name);

    /// <summary>The two departments the components of <see cref="TestCity"/> name (the standard catalogue is seeded
    /// by the server on start).</summary>
    public async Task SeedDepartments()
    {
        await using var db = Db();
        db.Departments.AddRange(
            new Department { Code = "HK-SZ", Name = "海口市市政管理局", NameEn = "Municipal bureau", CityCode = "460100", Level = DepartmentLevel.CityBureau, Kinds = DepartmentKinds.Competent },
            new Department { Code = "HK-SZ-XY-1", Name = "秀英市政养护队", NameEn = "Xiuying maintenance team", CityCode = "460100", Level = DepartmentLevel.Team, Kinds = DepartmentKinds.Maintainer });
        await db.SaveChangesAsync();
    }

    /// <summary>City (from cityName), boundaries and grids of <see cref="TestCity"/>, plus the departments.</summary>
    public async Task SeedTestCityGeography()
    {
        await SeedDepartments();
        ImportAssert.Committed(await ImportBoundaries(Write("boundaries.geojson", TestCity.Boundaries)));
        ImportAssert.Committed(await ImportGrids(Write("grids.geojson", TestCity.Grids)));
    }

    public Task<ImportResult> ImportBoundaries(string path, ImportOptions? options = null) =>
        InScope<BoundaryImporter, ImportResult>(importer => importer.ImportAsync(path, options ?? ImportOptions.AllOrNothing, null, CancellationToken.None));

    public Task<ImportResult> ImportGrids(string path, ImportOptions? options = null) =>
        InScope<GridImporter, ImportResult>(importer => importer.ImportAsync(path, options ?? ImportOptions.AllOrNothing, null, CancellationToken.None));

    public Task<ImportResult> ImportComponents(string path, ImportOptions? options = null) =>
        InScope<ComponentImporter, ImportResult>(importer => importer.ImportAsync(path, options ?? ImportOptions.AllOrNothing, new CheckedProgress(), CancellationToken.None));

    public Task<ImportResult> ImportCatalogue(string path, ImportOptions? options = null) =>
        InScope<CatalogueImporter, ImportResult>(importer => importer.ImportAsync(path, options ?? ImportOptions.AllOrNothing, CancellationToken.None));

    public Task<long> ExportBoundaries(string path) => InScope<BoundaryExporter, long>(e => e.ExportAsync(path, CancellationToken.None));
    public Task<long> ExportGrids(string path) => InScope<GridExporter, long>(e => e.ExportAsync(path, CancellationToken.None));
    public Task<long> ExportComponents(string path) => InScope<ComponentExporter, long>(e => e.ExportAsync(path, null, CancellationToken.None));
    public Task<long> ExportCatalogue(string path) => InScope<CatalogueExporter, long>(e => e.ExportAsync(path, CancellationToken.None));

    private async Task<TResult> InScope<TService, TResult>(Func<TService, Task<TResult>> run) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private sealed class CheckedProgress : IProgress<ProgressReport>
    {
        public void Report(ProgressReport value) => Assert.True(value.Done <= value.Total || value.Total == 0);
    }
}

public static class ImportAssert
{
    /// <summary>Asserts that an import committed and rejected nothing (shows the rejections otherwise).</summary>
    public static void Committed(ImportResult result) =>
        Assert.True(result.Committed && result.Rejected == 0, "Rejected: " + string.Join("\n", result.Rejections));
}
