using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Data;
using CivicGrid.Domain.Evaluation;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Features.Evaluation;
using CivicGrid.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Bench;

/// <summary>
/// One year of a megacity's evaluation (default 7 M cases, 40,000 grids, 60 departments, 1,120 staff in positions) in
/// a real server over a SQLite file. Synthetic cases go straight into the Cases table (for the baseline) and their
/// counters straight into the roll-ups (the observer's job in production; the rows are what it would have written,
/// except that day buckets are written only for the small kinds: a year, quarter or month is read from its own buckets).
/// Timed in the same run: the evaluation of all nine subject kinds through <see cref="EvaluationService"/>, the naive
/// SQL over the cases table for the five kinds it can compute (four regions, departments: positions need the history),
/// and GET /api/v1/dashboard through HTTP (p50/p95 of sequential requests).
/// </summary>
public static class EvaluationBench
{
    private const string Password = "bench-Passw0rd-2026";
    private const int Year = 2025;
    private const int Grids = EvaluationBenchCity.Grids, Departments = 60;

    /// <summary>Runs the bench; with <paramref name="check"/>, false when a figure of record is off by more than 3× (<see cref="EvaluationBenchCheck"/>).</summary>
    public static async Task<bool> RunAsync(int cases, int rounds, bool check = false)
    {
        var measured = new Dictionary<string, double>(StringComparer.Ordinal);
        // CIVICGRID_BENCH_REUSE=<folder kept by CIVICGRID_BENCH_KEEP>: time the reads again without generating the year again.
        var reuse = Environment.GetEnvironmentVariable("CIVICGRID_BENCH_REUSE");
        var folder = reuse ?? Directory.CreateTempSubdirectory("civicgrid-eval-bench-").FullName;
        try
        {
            Console.WriteLine($"Load average at start: {File.ReadAllText("/proc/loadavg").Trim()} (2 cores shared with other engineers).");
            var started = Stopwatch.StartNew();
            var app = await StartAsync(folder);
            if (reuse is not null) Console.WriteLine($"Server started on the kept database (migrations included) in {started.Elapsed.TotalSeconds:N0} s.");
            // Stopped before it is disposed: disposing a running host cancels its background jobs as if they had failed.
            await using var _ = new StopThenDispose(app);
            var file = Path.Combine(folder, "civicgrid.db");
            var clock = Stopwatch.StartNew();
            var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
            if (reuse is null)
            {
                var departmentIds = await AddDepartmentsAsync(app);
                await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
                {
                    await connection.OpenAsync();
                    // A bench's synthetic load: no fsync, a large page cache. The server's own connections keep their settings.
                    EvaluationBenchYear.Exec(connection, "PRAGMA synchronous=OFF; PRAGMA cache_size=-1000000; PRAGMA temp_store=MEMORY;");
                    EvaluationBenchCity.Write(connection);
                    var rows = new EvaluationBenchYear(Year, departmentIds).Write(connection, cases);
                    EvaluationBenchYear.Exec(connection, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
                    Console.WriteLine($"Generated {EvaluationBenchCity.Grids:N0} grids, {cases:N0} cases and {rows:N0} roll-up rows in {clock.Elapsed.TotalSeconds:N0} s "
                        + $"({(Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalSeconds:N0} s CPU); database {new FileInfo(file).Length / 1e9:N1} GB.");
                }
            }

            // CIVICGRID_BENCH_DASHBOARD_ONLY=1 (with CIVICGRID_BENCH_REUSE): only the dashboard timings, no tables nor naive SQL.
            if (Environment.GetEnvironmentVariable("CIVICGRID_BENCH_DASHBOARD_ONLY") is not null)
            {
                await DashboardAsync(app, rounds, measured);
                return !check || EvaluationBenchCheck.Passes(measured, cases);
            }
            var period = EvaluationPeriod.Year(Year);
            var kinds = Enum.GetValues<EvaluationSubjectKind>().Where(k => k.IsEvaluated()).ToArray();
            var ours = new Dictionary<EvaluationSubjectKind, double>();
            var naive = new Dictionary<EvaluationSubjectKind, double>();
            var subjects = new Dictionary<EvaluationSubjectKind, int>();
            var oursCpu = new Dictionary<EvaluationSubjectKind, double>();
            var naiveCpu = new Dictionary<EvaluationSubjectKind, double>();
            for (var round = 0; round < rounds; round++)
            {
                foreach (var kind in kinds)
                {
                    await using var scope = app.Services.CreateAsyncScope();
                    var service = scope.ServiceProvider.GetRequiredService<EvaluationService>();
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    var watch = Stopwatch.StartNew();
                    var table = await service.TableAsync(kind, period, DataScope.WholeCity, CancellationToken.None);
                    var ms = watch.Elapsed.TotalMilliseconds;
                    var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
                    ours[kind] = round == 0 ? ms : Math.Min(ours[kind], ms);
                    oursCpu[kind] = round == 0 ? cpuMs : Math.Min(oursCpu[kind], cpuMs);
                    subjects[kind] = table.Rows.Count;
                }
                foreach (var kind in kinds.Where(k => NaiveColumn(k) is not null))
                {
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    var ms = await NaiveAsync(file, kind);
                    var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
                    naive[kind] = round == 0 ? ms : Math.Min(naive[kind], ms);
                    naiveCpu[kind] = round == 0 ? cpuMs : Math.Min(naiveCpu[kind], cpuMs);
                }
            }

            Console.WriteLine($"## Evaluation of one year ({cases:N0} cases, {Grids:N0} grids, {Departments} departments), best of {rounds}");
            Console.WriteLine($"Load average when measured: {File.ReadAllText("/proc/loadavg").Trim()} (2 cores shared): wall times are noisy, process CPU times less so.");
            Console.WriteLine("| subject kind | subjects | roll-ups wall ms | roll-ups CPU ms | naive SQL wall ms | naive SQL CPU ms | naive ÷ roll-ups (wall) | (CPU) |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var kind in kinds)
            {
                var has = naive.TryGetValue(kind, out var n);
                Console.WriteLine($"| {kind.ToCode()} | {subjects[kind]:N0} | {ours[kind]:N0} | {oursCpu[kind]:N0} | {(has ? n.ToString("N0", CultureInfo.InvariantCulture) : "n/a (needs the history)")} | {(has ? naiveCpu[kind].ToString("N0", CultureInfo.InvariantCulture) : "")} | {(has ? (n / ours[kind]).ToString("N1", CultureInfo.InvariantCulture) : "")} | {(has ? (naiveCpu[kind] / Math.Max(1, oursCpu[kind])).ToString("N1", CultureInfo.InvariantCulture) : "")} |");
            }
            var comparable = naive.Keys.ToList();
            Console.WriteLine($"| all nine kinds | | {ours.Values.Sum():N0} | {oursCpu.Values.Sum():N0} | | | | |");
            Console.WriteLine($"| the five kinds both compute | | {comparable.Sum(k => ours[k]):N0} | {comparable.Sum(k => oursCpu[k]):N0} | {comparable.Sum(k => naive[k]):N0} | {comparable.Sum(k => naiveCpu[k]):N0} | {comparable.Sum(k => naive[k]) / comparable.Sum(k => ours[k]):N1} | {comparable.Sum(k => naiveCpu[k]) / Math.Max(1, comparable.Sum(k => oursCpu[k])):N1} |");
            Console.WriteLine();
            measured["all nine kinds, wall ms"] = ours.Values.Sum();
            measured["all nine kinds, CPU ms"] = oursCpu.Values.Sum();

            await DashboardAsync(app, rounds, measured);
            return !check || EvaluationBenchCheck.Passes(measured, cases);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Environment.GetEnvironmentVariable("CIVICGRID_BENCH_KEEP") is null && reuse is null) Directory.Delete(folder, recursive: true);
            else Console.WriteLine($"Kept {folder}");
        }
    }

    private static async Task DashboardAsync(WebApplication app, int rounds, Dictionary<string, double> measured)
    {
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "leader", password = Password });
        token.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
        var cache = app.Services.GetRequiredService<DashboardCache>();
        var step = await StepRowsAsync(app);
        Console.WriteLine("## GET /api/v1/dashboard (leader, whole city) through HTTP, sequential requests after 3 warm-ups");
        Console.WriteLine("Cold: before every request a step commits (a report's roll-up upsert, in its own transaction, adding zeros so that the");
        Console.WriteLine("figures stay as generated) and the dashboard cache is invalidated as the hub does after a commit: every request builds");
        Console.WriteLine("the dashboard from the roll-ups. Warm: no step in between (served from the cache; \"overdue now\" is still counted live).");
        Console.WriteLine("| period | cache | requests | p50 ms | p95 ms | max ms | response KB |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var period in new[] { $"{Year}-06", $"{Year}-Q2", $"{Year}" })
        {
            foreach (var cold in new[] { true, false })
            {
                var url = $"/api/v1/dashboard?period={period}";
                long size = 0;
                for (var i = 0; i < 3; i++) (await client.GetAsync(url)).EnsureSuccessStatusCode();
                var times = new List<double>();
                for (var i = 0; i < 20 * rounds; i++)
                {
                    if (cold)
                    {
                        await CommitStepAsync(app, step);
                        cache.Invalidate();
                    }
                    var watch = Stopwatch.StartNew();
                    var response = await client.GetAsync(url);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    times.Add(watch.Elapsed.TotalMilliseconds);
                    response.EnsureSuccessStatusCode();
                    size = body.Length;
                }
                times.Sort();
                double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
                if (cold) measured[$"dashboard {period} cold p95 ms"] = At(0.95);
                Console.WriteLine($"| {period} | {(cold ? "cold" : "warm")} | {times.Count} | {At(0.5):N0} | {At(0.95):N0} | {times[^1]:N0} | {size / 1024:N0} |");
            }
        }
        Console.WriteLine();
    }

    /// <summary>The roll-up rows a report in June of the bench year upserts for its grid and district (day, month, quarter,
    /// year), with every counter zero: committing them writes what a step writes without changing a figure.</summary>
    private static async Task<List<EvaluationRollup>> StepRowsAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        var grid = await db.EvaluationRollups.AsNoTracking().Where(r => r.SubjectKind == EvaluationSubjectKind.Grid && r.BucketKind == EvaluationBucketKind.Year)
            .Select(r => new { r.SubjectKey, r.DistrictCode }).FirstAsync();
        var day = new DateOnly(Year, 6, 15);
        return [.. new[] { (EvaluationSubjectKind.Grid, grid.SubjectKey), (EvaluationSubjectKind.District, grid.DistrictCode) }.SelectMany(s =>
            Enum.GetValues<EvaluationBucketKind>().Select(b => new EvaluationRollup
            {
                SubjectKind = s.Item1, BucketKind = b, BucketStart = EvaluationRollup.StartOf(b, day), SubjectKey = s.Item2, DistrictCode = grid.DistrictCode,
            }))];
    }

    private static async Task CommitStepAsync(WebApplication app, List<EvaluationRollup> rows)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await RollupWriter.AddAsync(db, rows, CancellationToken.None);
        await transaction.CommitAsync();
    }

    private static string? NaiveColumn(EvaluationSubjectKind kind) => kind switch
    {
        EvaluationSubjectKind.District => "DistrictCode",
        EvaluationSubjectKind.Street => "StreetCode",
        EvaluationSubjectKind.Community => "CommunityCode",
        EvaluationSubjectKind.Grid => "GridCode",
        EvaluationSubjectKind.Department => "DepartmentId",
        _ => null,
    };

    /// <summary>The baseline: the counters a region or department table needs, grouped straight from the cases table.</summary>
    private static async Task<double> NaiveAsync(string file, EvaluationSubjectKind kind)
    {
        var (from, to) = (Ms(new DateTimeOffset(Year, 1, 1, 0, 0, 0, TimeSpan.FromHours(8))), Ms(new DateTimeOffset(Year + 1, 1, 1, 0, 0, 0, TimeSpan.FromHours(8))));
        string In(string column) => $"SUM(CASE WHEN {column} >= {from} AND {column} < {to} THEN 1 ELSE 0 END)";
        var sql = $"""
            SELECT {NaiveColumn(kind)}, {In("CreatedAt")}, SUM(CASE WHEN CreatedAt >= {from} AND CreatedAt < {to} AND Channel IN ('Citizen','Open311','Hotline') THEN 1 ELSE 0 END),
                   {In("RegisteredAt")}, {In("DispatchedAt")}, {In("ClosedAt")}, SUM(CASE WHEN ClosedAt >= {from} AND ClosedAt < {to} AND HandledOnTime = 1 THEN 1 ELSE 0 END),
                   SUM(CASE WHEN ClosedAt >= {from} AND ClosedAt < {to} AND ExtensionCount > 0 THEN 1 ELSE 0 END), SUM(ReworkCount)
            FROM Cases GROUP BY {NaiveColumn(kind)}
            """;
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var watch = Stopwatch.StartNew();
        await using var reader = await command.ExecuteReaderAsync();
        var groups = 0;
        while (await reader.ReadAsync()) groups++;
        return watch.Elapsed.TotalMilliseconds;
    }

    private static long Ms(DateTimeOffset t) => t.ToUnixTimeMilliseconds();

    private static async Task<int[]> AddDepartmentsAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        var city = await db.Cities.Select(c => c.Code).FirstAsync();
        var added = Enumerable.Range(1, Departments).Select(i => new Department
        {
            Code = $"BENCH{i:D3}", Name = $"专业部门 {i}", NameEn = $"Department {i}", CityCode = city,
        }).ToList();
        db.Departments.AddRange(added);
        await db.SaveChangesAsync();
        return added.Select(d => d.Id).ToArray();
    }

    private static async Task<WebApplication> StartAsync(string folder)
    {
        string[] args =
        [
            "--urls", "http://127.0.0.1:0", $"--DataDirectory={folder}", "--Demo:Scale=small", $"--Demo:Password={Password}",
            "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Error", "--Database:Provider=Sqlite",
        ];
        if (Environment.GetEnvironmentVariable("CIVICGRID_BENCH_SQL") is not null) args = [.. args, "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information"];
        var app = CivicGridServer.Build(args, _ => { });
        var console = Console.Out;
        Console.SetOut(TextWriter.Null);
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

    private sealed class StopThenDispose(WebApplication app) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
