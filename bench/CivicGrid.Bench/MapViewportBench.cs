using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Data;
using CivicGrid.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Bench;

/// <summary>Latency of the live map's viewport API (GET /api/v1/map/components, /areas, /cases) through real HTTP on
/// loopback, against the real server over a SQLite file holding the seeded <c>city</c> demo scale (≈ 300,000
/// components, ≈ 20,600 grids, ≈ 20,000 cases). Random screen-sized viewports (1920 × 1080 px) at zooms 10–18, one
/// client, one request at a time. Baselines in the same run: GET /healthz on the same server and client (the floor
/// of any HTTP answer), and the naive way to serve a component viewport without an index: one SQL range query on the
/// Components table reading every row of the viewport (what server-side clustering would have to read).</summary>
public static class MapViewportBench
{
    private const string Password = "bench-Passw0rd-2026";
    private static readonly string[] BoundParameters = ["$w", "$s", "$e", "$n"];

    public static async Task RunAsync(int requests, string scale)
    {
        var folder = Directory.CreateTempSubdirectory("civicgrid-map-bench-").FullName;
        try
        {
            var seeding = Stopwatch.StartNew();
            await using var app = await StartAsync(folder, scale);
            seeding.Stop();
            try
            {
                await MeasureAsync(app, requests, scale, seeding.Elapsed);
            }
            finally
            {
                await app.StopAsync();
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task MeasureAsync(WebApplication app, int requests, string scale, TimeSpan seeding)
    {
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var client = HttpLoad.Client(address, 1, await SignInAsync(address));
        var (minLon, minLat, maxLon, maxLat, components) = await ExtentAsync(app);
        Console.WriteLine($"## Map viewport API, demo scale '{scale}': {components:N0} components (seeded in {seeding.TotalSeconds:N0} s)");

        // First use builds the in-memory indexes; timed apart from the steady state.
        var centre = Viewport((minLon + maxLon) / 2, (minLat + maxLat) / 2, 12);
        var firstComponents = await TimeAsync(client, $"/api/v1/map/components?bbox={centre}&zoom=12");
        var firstAreas = await TimeAsync(client, $"/api/v1/map/areas?level=grid&bbox={Viewport((minLon + maxLon) / 2, (minLat + maxLat) / 2, 16)}&zoom=16");
        Console.WriteLine($"First request (builds the index): components {firstComponents:N0} ms, areas {firstAreas:N0} ms");

        var random = new Random(20261126);
        var plan = Enumerable.Range(0, requests).Select(_ =>
        {
            var zoom = random.Next(10, 19);
            var lon = minLon + random.NextDouble() * (maxLon - minLon);
            var lat = minLat + random.NextDouble() * (maxLat - minLat);
            return (Zoom: zoom, Lon: lon, Lat: lat, Bbox: Viewport(lon, lat, zoom));
        }).ToList();
        string AreaLevel(int zoom) => zoom switch { <= 11 => "district", <= 13 => "street", 14 => "community", _ => "grid" };
        var variants = new (string Name, Func<(int Zoom, double Lon, double Lat, string Bbox), string> Path)[]
        {
            ("baseline: GET /healthz", _ => "/healthz"),
            ("GET /api/v1/map/components", v => $"/api/v1/map/components?bbox={v.Bbox}&zoom={v.Zoom}"),
            ("GET /api/v1/map/areas (district ≤ 11, street ≤ 13, community 14, grid ≥ 15)", v => $"/api/v1/map/areas?level={AreaLevel(v.Zoom)}&bbox={v.Bbox}&zoom={v.Zoom}"),
            ("GET /api/v1/map/cases (open, city scope)", v => $"/api/v1/map/cases?bbox={v.Bbox}"),
        };
        foreach (var variant in variants.Skip(1)) await TimeAsync(client, variant.Path(plan[0])); // warm-up
        var latencies = variants.Select(_ => new List<double>()).ToArray();
        long items = 0;
        foreach (var viewport in plan)
        {
            // Interleaved, so that noise from other work on the machine hits every variant alike.
            for (var v = 0; v < variants.Length; v++) latencies[v].Add(await TimeAsync(client, variants[v].Path(viewport)));
        }
        long cases = 0, cut = 0;
        foreach (var viewport in plan.Take(50))
        {
            var body = await client.GetFromJsonAsync<JsonElement>(variants[1].Path(viewport));
            items += body.GetProperty("clusters").GetArrayLength() + body.GetProperty("points").GetArrayLength();
            var marked = await client.GetFromJsonAsync<JsonElement>(variants[3].Path(viewport));
            cases += marked.GetProperty("count").GetInt32();
            if (marked.GetProperty("truncated").GetBoolean()) cut++;
        }

        var naive = await NaiveSqlAsync(app, plan);
        var floor = Percentile(latencies[0], 0.95);
        Console.WriteLine($"{requests} random 1920 × 1080 px viewports at zooms 10–18 (seed 20261126), one client, sequential; latency in ms");
        Console.WriteLine("| variant | p50 | p95 | p99 | max | p95 ratio to /healthz |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        for (var v = 0; v < variants.Length; v++) Row(variants[v].Name, latencies[v], floor);
        Row("baseline: naive SQL range query reading the viewport's components (in process, no HTTP)", naive, floor);
        Console.WriteLine($"Over the first 50 viewports, components answers held {items / 50.0:N0} clusters or points on average, cases answers {cases / 50.0:N0} cases ({cut} cut at the bound).");
        Console.WriteLine($"Components p95 against the naive SQL p95: {Percentile(naive, 0.95) / Math.Max(Percentile(latencies[1], 0.95), 0.001):N1} × faster.");
        Console.WriteLine();
    }

    /// <summary>A 1920 × 1080-pixel viewport centred on a point at a zoom (256-pixel Web-Mercator tiles).</summary>
    private static string Viewport(double lon, double lat, int zoom)
    {
        var degreesPerPixel = 360.0 / (256 * Math.Pow(2, zoom));
        var halfWidth = 960 * degreesPerPixel;
        var halfHeight = 540 * degreesPerPixel * Math.Cos(lat * Math.PI / 180);
        return string.Create(CultureInfo.InvariantCulture,
            $"{lon - halfWidth:F6},{lat - halfHeight:F6},{lon + halfWidth:F6},{lat + halfHeight:F6}");
    }

    private static async Task<double> TimeAsync(HttpClient client, string path)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(path);
        await response.Content.LoadIntoBufferAsync();
        watch.Stop();
        if (!response.IsSuccessStatusCode && (int)response.StatusCode != 400)
            throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task<List<double>> NaiveSqlAsync(WebApplication app, List<(int Zoom, double Lon, double Lat, string Bbox)> plan)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        await using var connection = new SqliteConnection(db.Database.GetConnectionString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Longitude\", \"Latitude\" FROM \"Components\" WHERE \"Longitude\" BETWEEN $w AND $e AND \"Latitude\" BETWEEN $s AND $n";
        var parameters = BoundParameters.Select(name => command.Parameters.Add(new SqliteParameter(name, 0.0))).ToArray();
        var latencies = new List<double>();
        foreach (var viewport in plan)
        {
            var bounds = viewport.Bbox.Split(',').Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            for (var i = 0; i < 4; i++) parameters[i].Value = bounds[i];
            var watch = Stopwatch.StartNew();
            double sum = 0;
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync()) sum += reader.GetDouble(0) + reader.GetDouble(1);
            }
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            GC.KeepAlive(sum);
        }
        return latencies;
    }

    private static void Row(string name, List<double> latencies, double floor) =>
        Console.WriteLine($"| {name} | {Percentile(latencies, 0.50):N1} | {Percentile(latencies, 0.95):N1} | {Percentile(latencies, 0.99):N1} | {latencies.Max():N1} | {Percentile(latencies, 0.95) / floor:N1} |");

    private static double Percentile(List<double> values, double fraction)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
    }

    private static async Task<(double, double, double, double, long)> ExtentAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        var extent = await db.Components.GroupBy(_ => 1).Select(g => new
        {
            MinLon = g.Min(c => c.Longitude), MinLat = g.Min(c => c.Latitude), MaxLon = g.Max(c => c.Longitude), MaxLat = g.Max(c => c.Latitude), Count = g.LongCount(),
        }).SingleAsync();
        return (extent.MinLon, extent.MinLat, extent.MaxLon, extent.MaxLat, extent.Count);
    }

    /// <summary>The real server in this process on a loopback port over a fresh SQLite file; it seeds the demo city on start.</summary>
    private static async Task<WebApplication> StartAsync(string folder, string scale)
    {
        string[] args =
        [
            "--urls", "http://127.0.0.1:0", $"--DataDirectory={folder}", $"--Demo:Scale={scale}", $"--Demo:Password={Password}",
            "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Error", "--Database:Provider=Sqlite",
        ];
        var app = CivicGridServer.Build(args);
        var console = Console.Out;
        Console.SetOut(TextWriter.Null); // the start banner
        try
        {
            await app.StartAsync();
        }
        finally
        {
            Console.SetOut(console);
        }
        return app;
    }

    private static async Task<string> SignInAsync(Uri address)
    {
        using var client = new HttpClient { BaseAddress = address };
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "dispatcher", password = Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }
}
