using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CivicGrid.Bench;

/// <summary>Open311 reads against history size (issue 16): the real server (small demo city, SQLite FULL) over a file with
/// a year of synthetic history, once with 10 k cases and once with N: GET requests.json (the default 90-day window,
/// newest first, page_size 50 and the full 1,000) p50/p95 under 4 concurrent clients, and GET requests/{id}.json per
/// second under 32 (after a warm-up of a minute on the first server), next to a bare minimal-API endpoint that reads the same row by number with a prepared statement
/// from the same file (the strongest simple baseline), in the same run.</summary>
public static class Open311ReadBench
{
    private static readonly string[] Parameters = ["$n", "$ch", "$st", "$lon", "$lat", "$c", "$u"];

    public static async Task RunAsync(int largeHistory, TimeSpan duration)
    {
        Console.WriteLine($"## Open311 reads against history size (load average at start: {File.ReadAllText("/proc/loadavg").Trim()})");
        Console.WriteLine("| cases in the table | list page_size=50 p50 / p95 ms | list 1,000 (default) p50 / p95 ms | requests/{id}.json per second | bare read by number per second | ratio |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        var rows = new List<(int Cases, double P95Small, double P95Full)>();
        foreach (var history in new[] { 10_000, largeHistory })
        {
            var folder = Directory.CreateTempSubdirectory("civicgrid-o311-bench-").FullName;
            try
            {
                var server = await CaseCreationBench.StartRealServerAsync(Path.Combine(folder, "server"));
                await using (server)
                {
                    var file = Path.Combine(folder, "server", "civicgrid.db");
                    var watch = Stopwatch.StartNew();
                    var numbers = WriteHistory(file, history);
                    Console.Error.WriteLine($"{history:N0} cases of history written in {watch.Elapsed.TotalSeconds:N0} s");
                    using var client = HttpLoad.Client(server.Address, 32);
                    await using var bare = await BareRead.StartAsync(file);
                    using var bareClient = HttpLoad.Client(bare.Address, 32);
                    var random = new Random(7);
                    HttpRequestMessage One(string prefix) => new(HttpMethod.Get, $"{prefix}{numbers[random.Next(numbers.Length)]}.json");
                    if (rows.Count == 0)
                    {
                        // The first server of the run also brings the code to its final JIT tier (a minute under load).
                        for (var i = 0; i < 3; i++)
                        {
                            await LatenciesAsync(client, "/open311/v2/requests.json?page_size=50", 4, TimeSpan.FromSeconds(5));
                            await LatenciesAsync(client, "/open311/v2/requests.json", 4, TimeSpan.FromSeconds(5));
                            await HttpLoad.RunAsync(client, _ => One("/open311/v2/requests/"), HttpStatusCode.OK, 32, TimeSpan.FromSeconds(5), TimeSpan.Zero);
                            await HttpLoad.RunAsync(bareClient, _ => One("/requests/"), HttpStatusCode.OK, 32, TimeSpan.FromSeconds(5), TimeSpan.Zero);
                        }
                    }
                    var small = await LatenciesAsync(client, "/open311/v2/requests.json?page_size=50", 4, duration);
                    var full = await LatenciesAsync(client, "/open311/v2/requests.json", 4, duration);
                    await HttpLoad.RunAsync(client, _ => One("/open311/v2/requests/"), HttpStatusCode.OK, 32, TimeSpan.FromSeconds(3), TimeSpan.Zero);
                    var ours = await HttpLoad.RunAsync(client, _ => One("/open311/v2/requests/"), HttpStatusCode.OK, 32, TimeSpan.FromSeconds(1), duration);
                    var baseline = await HttpLoad.RunAsync(bareClient, _ => One("/requests/"), HttpStatusCode.OK, 32, TimeSpan.FromSeconds(1), duration);
                    Console.WriteLine($"| {history:N0} | {small.P50:N1} / {small.P95:N1} | {full.P50:N1} / {full.P95:N1} | {ours.PerSecond:N0} | {baseline.PerSecond:N0} | {ours.PerSecond / Math.Max(1, baseline.PerSecond):F2} |");
                    rows.Add((history, small.P95, full.P95));
                }
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }
        }
        Console.WriteLine($"p95 at {rows[1].Cases:N0} cases / p95 at {rows[0].Cases:N0}: page_size=50 {rows[1].P95Small / rows[0].P95Small:F2}, "
            + $"1,000 {rows[1].P95Full / rows[0].P95Full:F2} (target ≤ 2).");
        Console.WriteLine();
    }

    /// <summary>A year of cases up to now (a quarter of them in the default 90-day window), written with prepared inserts
    /// and the secondary indexes rebuilt after; returns a sample of their numbers.</summary>
    private static string[] WriteHistory(string file, int count)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        EvaluationBenchYear.Exec(connection, "PRAGMA synchronous=OFF; PRAGMA cache_size=-500000; PRAGMA temp_store=MEMORY;");
        var indexes = EvaluationBenchYear.DropIndexes(connection, "Cases");
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO Cases (Number, CityCode, Channel, Status, Kind, TypeCode, Description, Longitude, Latitude, GridCode, CommunityCode, StreetCode,
              DistrictCode, IsBuiltUp, IsUrgent, ReworkCount, SupervisionCount, ExtensionCount, CreatedAt, UpdatedAt, StageOverdueAlerted,
              HistoryCount, LastHistoryHash, Version)
            VALUES ($n, '460100', $ch, $st, 'Matter', '06010', '路边暴露垃圾（历史）', $lon, $lat, '460106001001001', '460106001001', '460106001',
              '460106', 1, 0, 0, 0, 0, $c, $u, 1, 1, '', 1)
            """;
        var p = Parameters.Select(n => insert.Parameters.Add(new SqliteParameter(n, null))).ToArray();
        var random = new Random(20261203);
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        const long Year = 365L * 86_400_000;
        var sample = new List<string>();
        var transaction = connection.BeginTransaction();
        insert.Transaction = transaction;
        insert.Prepare();
        for (var i = 0; i < count; i++)
        {
            if (i > 0 && i % 500_000 == 0)
            {
                transaction.Commit();
                transaction.Dispose();
                transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
            }
            var created = now - 60_000 - (long)(random.NextDouble() * Year);
            var number = string.Create(CultureInfo.InvariantCulture, $"H{i:D10}");
            if (i % Math.Max(1, count / 1000) == 0) sample.Add(number);
            p[0].Value = number;
            p[1].Value = i % 10 < 6 ? "Inspector" : i % 10 < 8 ? "Hotline" : "Open311";
            p[2].Value = random.Next(10) < 8 ? "Closed" : "Handling";
            p[3].Value = 110.30 + random.NextDouble() * 0.1;
            p[4].Value = 19.98 + random.NextDouble() * 0.08;
            p[5].Value = created;
            p[6].Value = created + random.Next(3 * 86_400_000);
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
        transaction.Dispose();
        EvaluationBenchYear.Exec(connection, string.Join(";\n", indexes));
        EvaluationBenchYear.Exec(connection, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
        return [.. sample];
    }

    private static async Task<(double P50, double P95)> LatenciesAsync(HttpClient client, string path, int concurrency, TimeSpan duration)
    {
        var latencies = new List<double>();
        var stop = Stopwatch.StartNew();
        async Task WorkerAsync()
        {
            while (stop.Elapsed < duration + TimeSpan.FromSeconds(1))
            {
                var one = Stopwatch.StartNew();
                using var response = await client.GetAsync(path);
                await response.Content.LoadIntoBufferAsync();
                if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{path}: {(int)response.StatusCode}");
                if (stop.Elapsed < TimeSpan.FromSeconds(1)) continue; // warm-up
                lock (latencies) latencies.Add(one.Elapsed.TotalMilliseconds);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkerAsync)));
        latencies.Sort();
        return (latencies[latencies.Count / 2], latencies[(int)(latencies.Count * 0.95)]);
    }

    /// <summary>GET /requests/{number}.json: one prepared SELECT by number on a pooled connection, the row as JSON.</summary>
    private sealed class BareRead(WebApplication app) : IAsyncDisposable
    {
        public Uri Address => new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        public static async Task<BareRead> StartAsync(string file)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var connectionString = $"Data Source={file};Mode=ReadOnly;Pooling=True";
            app.MapGet("/requests/{file}", async (string file, HttpContext http) =>
            {
                var number = file.EndsWith(".json", StringComparison.Ordinal) ? file[..^5] : file;
                await using var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync();
                await using var select = connection.CreateCommand();
                select.CommandText = "SELECT Number, Status, Description, Longitude, Latitude, CreatedAt, UpdatedAt FROM Cases WHERE Number = $n";
                select.Parameters.AddWithValue("$n", number);
                await using var reader = await select.ExecuteReaderAsync();
                if (!await reader.ReadAsync()) return Results.NotFound();
                return Results.Json(new[]
                {
                    new
                    {
                        service_request_id = reader.GetString(0), status = reader.GetString(1), description = reader.GetString(2),
                        @long = reader.GetDouble(3), lat = reader.GetDouble(4), requested = reader.GetInt64(5), updated = reader.GetInt64(6),
                    },
                });
            });
            await app.StartAsync();
            return new BareRead(app);
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
