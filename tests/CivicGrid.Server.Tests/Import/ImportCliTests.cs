using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.Import;

/// <summary>The import and export verbs through the real executable, as an operator runs them (SQLite file).</summary>
public sealed class ImportCliTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly SqliteTestDatabase _database = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("civicgrid-cli-").FullName;
    private Dictionary<string, string?> _environment = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _environment = new()
        {
            ["CIVICGRID_DATA"] = _folder,
            ["Database__Provider"] = "Sqlite",
            ["Database__ConnectionString"] = _database.ConnectionString,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var migrate = await Run("migrate");
        Assert.Equal(0, migrate.ExitCode);
        await File.WriteAllTextAsync(Path.Combine(_folder, "catalogue.json"),
            """{ "classes": [ { "kind": "component", "major": "01", "name": "市政公用设施", "nameEn": "Municipal" } ], "types": [ { "kind": "component", "code": "01037", "name": "路灯", "nameEn": "Street lamp" } ] }""");
        await File.WriteAllTextAsync(Path.Combine(_folder, "boundaries.geojson"), TestCity.Boundaries);
        await File.WriteAllTextAsync(Path.Combine(_folder, "grids.geojson"), TestCity.Grids);
        foreach (var (kind, file) in new[] { ("catalogue", "catalogue.json"), ("boundaries", "boundaries.geojson"), ("grids", "grids.geojson") })
        {
            var run = await Run("import", kind, Path.Combine(_folder, file));
            Assert.True(run.ExitCode == 0, $"import {kind}: {run.Output}\n{run.Error}");
        }
    }

    public Task DisposeAsync()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        return _database.DisposeAsync();
    }

    [Fact]
    public async Task ImportComponents_WithBadRows_ExitsNonZero_PrintsEveryLineAndImportsNothing()
    {
        var path = Path.Combine(_folder, "lamps.csv");
        await File.WriteAllTextAsync(path,
            "id,name,longitude,latitude\n46010501037000001,a,110.305,20.005\n46010501037000001,b,110.305,20.005\n46010501037000003,,110.305,20.005\n");

        var (exitCode, output, error) = await Run("import", "components", path);

        Assert.Equal(1, exitCode);
        Assert.Contains("Rejected line 3 (record 2): id: 46010501037000001 repeats the id of line 2", error);
        Assert.Contains("Rejected line 4 (record 3): name: required", error);
        Assert.Contains("Nothing imported: 2 row(s) rejected", error);
        Assert.DoesNotContain("   at ", output + error);
        await using var db = _database.CreateContext();
        Assert.Equal(0, await db.Components.CountAsync());
    }

    [Fact]
    public async Task ImportComponents_WithSkipBad_ImportsTheRest_WritesTheRejectsFile_AndExportsThem()
    {
        var path = Path.Combine(_folder, "lamps.geojson");
        var rejects = Path.Combine(_folder, "bad.csv");
        await File.WriteAllTextAsync(path, TestCity.Collection(TestCity.Lamp(1), TestCity.Lamp(2, 110.5, 20.5), TestCity.Lamp(3, 110.315, 20.015)));

        var import = await Run("import", "components", path, "--skip-bad", "--rejects", rejects);

        Assert.True(import.ExitCode == 0, import.Output + import.Error);
        Assert.Contains("Imported 2 components; skipped 1 rejected row(s).", import.Output);
        var rejectLines = await File.ReadAllLinesAsync(rejects);
        Assert.Equal(2, rejectLines.Length);
        Assert.StartsWith("3,feature 2,\"longitude/latitude: the point 110.500000, 20.500000 (WGS-84) lies outside every unit grid", rejectLines[1]);

        var exported = Path.Combine(_folder, "out.csv");
        var export = await Run("export", "components", exported);
        Assert.True(export.ExitCode == 0, export.Output + export.Error);
        var rows = await File.ReadAllLinesAsync(exported);
        Assert.Equal(["id", "46010501037000001", "46010501037000003"], rows.Select(r => r.Split(',')[0]));
        Assert.Contains(TestCity.NorthEastGrid, rows[2]);
    }

    [Fact]
    public async Task ImportOfAFileThatIsNotJson_ExitsWith3_AndExplainsWithoutAStackTrace()
    {
        var path = Path.Combine(_folder, "broken.geojson");
        await File.WriteAllTextAsync(path, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\"\n,,]}");

        var (exitCode, output, error) = await Run("import", "components", path);

        Assert.Equal(3, exitCode);
        Assert.Contains("Nothing imported: The file is not valid JSON (line 2)", error);
        Assert.DoesNotContain("   at ", output + error);
    }

    private Task<(int ExitCode, string Output, string Error)> Run(params string[] args) => ServerProcess.RunAsync(_environment, Timeout, args);
}
