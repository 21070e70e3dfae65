using System.Diagnostics;
using System.Globalization;
using CivicGrid.Data;
using CivicGrid.Domain.Geography;
using CivicGrid.Server.Features.Catalogue;
using CivicGrid.Server.Hosting;
using CivicGrid.Server.Interchange;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Bench;

/// <summary>Import of N components from GeoJSON into SQLite through the real importer (streaming parse, validation,
/// grid lookup per row, bulk insert, one transaction) against the baseline of a bare prepared-statement insert loop
/// of the same rows, already in memory, into the same kind of SQLite file (same schema, same pragmas).</summary>
public static class ComponentImportBench
{
    private static readonly string[] Types = ["01037", "01001", "01002", "01003", "03005", "04002"];

    public static async Task RunAsync(int rows)
    {
        var folder = Directory.CreateTempSubdirectory("civicgrid-bench-").FullName;
        try
        {
            var grids = SyntheticGrids.Create(200, 200, 110.20, 20.05, seed: 3);
            var importDb = Path.Combine(folder, "import.db");
            var baselineDb = Path.Combine(folder, "baseline.db");
            await using var services = Services(importDb);
            await PrepareAsync(services, grids, withGrids: true);
            await using var baselineServices = Services(baselineDb);
            await PrepareAsync(baselineServices, grids, withGrids: false);

            var file = Path.Combine(folder, "components.geojson");
            var generated = WriteGeoJson(file, rows, grids);
            var sizeMb = new FileInfo(file).Length / 1e6;

            var baselineRate = await BaselineAsync(baselineDb, generated);
            var importRate = await ImportAsync(services, file, rows);

            Console.WriteLine($"## Import of {rows:N0} components from GeoJSON ({sizeMb:N0} MB) into SQLite (synchronous=FULL, WAL)");
            Console.WriteLine("| variant | rows/s | ratio |");
            Console.WriteLine("|---|---:|---:|");
            Console.WriteLine($"| baseline: bare prepared INSERT loop of the same rows (grid codes included), already in memory, one transaction | {baselineRate:N0} | 1.00 |");
            Console.WriteLine($"| `import components FILE.geojson` (parse, validate, locate grid, insert) | {importRate:N0} | {importRate / baselineRate:F2} |");
            Console.WriteLine();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ServiceProvider Services(string databasePath)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={databasePath}",
            ["DataDirectory"] = Path.GetDirectoryName(databasePath),
        }).Build();
        return new ServiceCollection().AddLogging().AddCivicGridCore(configuration).BuildServiceProvider();
    }

    /// <summary>A city with one district, 50 communities and 40,000 unit grids; the standard catalogue.</summary>
    private static async Task PrepareAsync(ServiceProvider services, List<(NetTopologySuite.Geometries.Polygon Boundary, string Code)> grids, bool withGrids)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        await db.Database.MigrateAsync();
        await StandardCatalogueSeeder.EnsureAsync(db, CancellationToken.None);
        db.Cities.Add(new City { Code = "460100", Name = "海口市", NameEn = "Haikou", CaseNumberPrefix = "HK" });
        db.AdministrativeUnits.Add(new AdministrativeUnit { Code = "460105", Level = AdministrativeLevel.District, Name = "秀英区", ParentCode = "460100", CityCode = "460100" });
        db.AdministrativeUnits.Add(new AdministrativeUnit { Code = "460105001", Level = AdministrativeLevel.Street, Name = "街道", ParentCode = "460105", CityCode = "460100" });
        for (var c = 1; c <= 50; c++)
        {
            db.AdministrativeUnits.Add(new AdministrativeUnit { Code = $"460105001{c:D3}", Level = AdministrativeLevel.Community, Name = $"社区{c}", ParentCode = "460105001", CityCode = "460100" });
        }
        await db.SaveChangesAsync();
        if (!withGrids) return;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < grids.Count; i++)
        {
            var community = $"460105001{i / 800 + 1:D3}";
            db.UnitGrids.Add(new UnitGrid
            {
                Code = $"{community}{i % 800 + 1:D3}", CityCode = "460100", DistrictCode = "460105", StreetCode = "460105001",
                CommunityCode = community, Boundary = grids[i].Boundary, AreaSquareMetres = 11_000, IsBuiltUp = true,
            });
        }
        await db.SaveChangesAsync();
    }

    private static List<object?[]> WriteGeoJson(string path, int rows, List<(NetTopologySuite.Geometries.Polygon Boundary, string Code)> grids)
    {
        var random = new Random(5);
        var generated = new List<object?[]>(rows);
        using var writer = new StreamWriter(path);
        writer.WriteLine("{\"type\":\"FeatureCollection\",\"features\":[");
        for (var i = 0; i < rows; i++)
        {
            var gridIndex = random.Next(grids.Count);
            var centre = grids[gridIndex].Boundary.Centroid;
            var gridCode = $"460105001{gridIndex / 800 + 1:D3}{gridIndex % 800 + 1:D3}";
            var (lon, lat) = (centre.X + (random.NextDouble() - 0.5) * 0.0004, centre.Y + (random.NextDouble() - 0.5) * 0.0004);
            var type = Types[i % Types.Length];
            var id = $"460105{type}{i / Types.Length + 1:D6}";
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{{\"type\":\"Feature\",\"geometry\":{{\"type\":\"Point\",\"coordinates\":[{lon:F7},{lat:F7}]}},\"properties\":{{\"id\":\"{id}\",\"type\":\"{type}\",\"name\":\"部件 {i}\",\"status\":\"intact\",\"source\":\"普查\"}}}}"));
            writer.WriteLine(i + 1 < rows ? "," : "");
            generated.Add([id, "460100", type, $"部件 {i}", gridCode, lon, lat, null, null, null, "Intact", 1_764_000_000_000L, 1_764_000_000_000L, "普查", null]);
        }
        writer.WriteLine("]}");
        return generated;
    }

    private static async Task<double> ImportAsync(ServiceProvider services, string file, int rows)
    {
        await using var scope = services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<ComponentImporter>();
        var watch = Stopwatch.StartNew();
        var result = await importer.ImportAsync(file, ImportOptions.AllOrNothing, null, CancellationToken.None);
        watch.Stop();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        var stored = await db.Components.CountAsync();
        if (stored != rows) throw new InvalidOperationException($"Imported {stored} of {rows} rows: {result}");
        return rows / watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> BaselineAsync(string databasePath, List<object?[]> rows)
    {
        string[] columns = ["Id", "CityCode", "TypeCode", "Name", "GridCode", "Longitude", "Latitude", "CompetentDepartmentId",
            "OwnerDepartmentId", "MaintainerDepartmentId", "Status", "CreatedAt", "ChangedAt", "Source", "Note"];
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";
            await pragma.ExecuteNonQueryAsync();
        }
        var watch = Stopwatch.StartNew();
        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"Components\" ({string.Join(",", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(",", columns.Select(c => "$" + c))})";
        var parameters = columns.Select(c => command.Parameters.Add(new SqliteParameter("$" + c, null))).ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++) parameters[i].Value = row[i] ?? DBNull.Value;
            await command.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        watch.Stop();
        return rows.Count / watch.Elapsed.TotalSeconds;
    }
}
