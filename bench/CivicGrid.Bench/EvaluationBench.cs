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
/// except that day buckets are written only for the small kinds: a year or a month is read from year/month buckets).
/// Timed in the same run: the evaluation of all nine subject kinds through <see cref="EvaluationService"/>, the naive
/// SQL over the cases table for the five kinds it can compute (four regions, departments: positions need the history),
/// and GET /api/v1/dashboard through HTTP (p50/p95 of sequential requests).
/// </summary>
public static class EvaluationBench
{
    private const string Password = "bench-Passw0rd-2026";
    private const int Year = 2025;
    private const int Grids = 40_000, Departments = 60, Types = 80;
    private const int Inspectors = 1_000, Operators = 60, ShiftLeads = 20, Dispatchers = 40;

    public static async Task RunAsync(int cases, int rounds)
    {
        var folder = Directory.CreateTempSubdirectory("civicgrid-eval-bench-").FullName;
        try
        {
            var app = await StartAsync(folder);
            await using var _ = app;
            var file = Path.Combine(folder, "civicgrid.db");
            var clock = Stopwatch.StartNew();
            var departmentIds = await AddDepartmentsAsync(app);
            var rows = await GenerateAsync(file, cases, departmentIds);
            Console.WriteLine($"Generated {cases:N0} cases and {rows:N0} roll-up rows in {clock.Elapsed.TotalSeconds:N0} s.");
            await using (var connection = new SqliteConnection($"Data Source={file}"))
            {
                await connection.OpenAsync();
                await using var analyze = connection.CreateCommand();
                analyze.CommandText = "ANALYZE;";
                await analyze.ExecuteNonQueryAsync();
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

            await DashboardAsync(app, rounds);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Environment.GetEnvironmentVariable("CIVICGRID_BENCH_KEEP") is null) Directory.Delete(folder, recursive: true);
            else Console.WriteLine($"Kept {folder}");
        }
    }

    private static async Task DashboardAsync(WebApplication app, int rounds)
    {
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "leader", password = Password });
        token.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
        Console.WriteLine("## GET /api/v1/dashboard (leader, whole city) through HTTP, sequential requests after 3 warm-ups");
        Console.WriteLine("| period | requests | p50 ms | p95 ms | max ms | response KB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var period in new[] { $"{Year}-06", $"{Year}-Q2", $"{Year}" })
        {
            var url = $"/api/v1/dashboard?period={period}";
            long size = 0;
            for (var i = 0; i < 3; i++) (await client.GetAsync(url)).EnsureSuccessStatusCode();
            var times = new List<double>();
            for (var i = 0; i < 20 * rounds; i++)
            {
                var watch = Stopwatch.StartNew();
                var response = await client.GetAsync(url);
                var body = await response.Content.ReadAsByteArrayAsync();
                times.Add(watch.Elapsed.TotalMilliseconds);
                response.EnsureSuccessStatusCode();
                size = body.Length;
            }
            times.Sort();
            double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
            Console.WriteLine($"| {period} | {times.Count} | {At(0.5):N0} | {At(0.95):N0} | {times[^1]:N0} | {size / 1024:N0} |");
        }
        Console.WriteLine();
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

    /// <summary>Cases into the Cases table and their counters into the roll-ups, both with prepared bulk inserts.</summary>
    private static async Task<int> GenerateAsync(string file, int count, int[] departments)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var random = new Random(20261126);
        var start = new DateTimeOffset(Year, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var seconds = (int)(start.AddYears(1) - start).TotalSeconds - 5 * 86400;
        var rows = new Dictionary<RollupKey, EvaluationRollup>();
        var increments = new List<EvaluationIncrement>(32);
        string[] channels = ["Inspector", "Inspector", "Inspector", "Inspector", "Inspector", "Inspector", "Hotline", "Hotline", "Citizen", "Open311"];

        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-400000;";
            await pragma.ExecuteNonQueryAsync();
        }
        var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO Cases (Number, CityCode, Channel, Status, Kind, TypeCode, Description, Longitude, Latitude, GridCode, CommunityCode, StreetCode,
              DistrictCode, IsBuiltUp, DepartmentId, IsUrgent, ReworkCount, SupervisionCount, ExtensionCount, CreatedAt, UpdatedAt, RegisteredAt,
              DispatchedAt, FeedbackAt, ClosedAt, StageDueAt, StageOverdueAlerted, HandledOnTime, HistoryCount, LastHistoryHash, Version)
            VALUES ($n, '460100', $ch, $st, 'Matter', $ty, 'bench', 110.3, 20.0, $g, $co, $s, $d, 1, $dep, 0, $rw, 0, $ext, $c, $c, $reg, $dis, $fb, $cl, $due, 1, $ot, 1, '', 1)
            """;
        string[] names = ["$n", "$ch", "$st", "$ty", "$g", "$co", "$s", "$d", "$dep", "$rw", "$ext", "$c", "$reg", "$dis", "$fb", "$cl", "$due", "$ot"];
        var p = names.Select(n => insert.Parameters.Add(new SqliteParameter(n, null))).ToArray();
        var transaction = connection.BeginTransaction();
        insert.Transaction = transaction;
        insert.Prepare();

        static object Db(object? value) => value ?? DBNull.Value;
        for (var i = 0; i < count; i++)
        {
            if (i > 0 && i % 500_000 == 0)
            {
                transaction.Commit();
                transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
            }
            // Skewed towards low grid numbers: a few hotspots, a long tail.
            var u = random.NextDouble();
            var grid = (int)(u * u * Grids);
            var district = $"4601{grid / 2500 + 1:D2}";
            var street = $"{district}{grid / 100 % 25 + 1:D3}";
            var community = $"{street}{grid / 10 % 10 + 1:D3}";
            var gridCode = $"{community}{grid % 10 + 1:D2}";
            var channel = channels[random.Next(channels.Length)];
            var type = $"06{random.Next(Types) + 1:D3}";
            var department = departments[(grid / 7 + random.Next(3)) % departments.Length];
            var created = start.AddSeconds(random.Next(seconds));
            var facts = new CaseFacts(Enum.Parse<Domain.Cases.CaseChannel>(channel), district, street, community, gridCode,
                channel == "Inspector" ? 100_000 + grid % Inspectors : null, $"Matter:{type}");
            increments.Clear();
            void Add(DateTimeOffset at, EvaluationSubjectKind kind, string key, EvaluationMeasure measure) => increments.Add(new(at, kind, key, district, measure));
            void Regions(DateTimeOffset at, EvaluationMeasure measure)
            {
                Add(at, EvaluationSubjectKind.District, district, measure);
                Add(at, EvaluationSubjectKind.Street, street, measure);
                Add(at, EvaluationSubjectKind.Community, community, measure);
                Add(at, EvaluationSubjectKind.Grid, gridCode, measure);
            }
            string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
            var isPublic = channel is "Hotline" or "Citizen" or "Open311";
            Regions(created, EvaluationMeasure.Reported);
            Add(created, EvaluationSubjectKind.Channel, channel, EvaluationMeasure.Reported);
            if (isPublic) Regions(created, EvaluationMeasure.PublicReported);
            if (facts.ReporterUserId is { } reporter) Add(created, EvaluationSubjectKind.Inspector, Id(reporter), EvaluationMeasure.Reported);

            var roll = random.NextDouble();
            string status;
            DateTimeOffset? registered = null, dispatched = null, feedback = null, closed = null, due = null;
            bool? onTime = null;
            var (rework, extension) = (0, 0);
            if (roll < 0.05)
            {
                status = "Rejected";
                Add(created.AddMinutes(10), EvaluationSubjectKind.IntakeOperator, Id(200_000 + random.Next(Operators)), EvaluationMeasure.IntakeHandled);
            }
            else
            {
                registered = created.AddMinutes(5 + random.Next(40));
                var lead = random.NextDouble() < 0.4;
                Regions(registered.Value, EvaluationMeasure.Registered);
                Add(registered.Value, EvaluationSubjectKind.Channel, channel, EvaluationMeasure.Registered);
                Add(registered.Value, EvaluationSubjectKind.CaseType, facts.TypeKey!, EvaluationMeasure.Registered);
                if (isPublic) Regions(registered.Value, EvaluationMeasure.PublicRegistered);
                if (facts.ReporterUserId is { } r) Add(registered.Value, EvaluationSubjectKind.Inspector, Id(r), EvaluationMeasure.ValidReports);
                var leadId = Id(300_000 + random.Next(ShiftLeads));
                if (lead)
                {
                    Add(registered.Value, EvaluationSubjectKind.ShiftLead, leadId, EvaluationMeasure.Registered);
                    if (random.NextDouble() < 0.95) Add(registered.Value, EvaluationSubjectKind.ShiftLead, leadId, EvaluationMeasure.RegisteredOnTime);
                }
                else
                {
                    Add(registered.Value, EvaluationSubjectKind.IntakeOperator, Id(200_000 + random.Next(Operators)), EvaluationMeasure.IntakeHandled);
                }
                if (roll < 0.06)
                {
                    status = "Voided";
                    Regions(registered.Value.AddHours(1), EvaluationMeasure.Voided);
                    if (lead) Add(registered.Value.AddHours(1), EvaluationSubjectKind.ShiftLead, leadId, EvaluationMeasure.Voided);
                }
                else
                {
                    dispatched = registered.Value.AddMinutes(5 + random.Next(40));
                    var dispatcher = Id(400_000 + random.Next(Dispatchers));
                    var dep = Id(department);
                    Add(dispatched.Value, EvaluationSubjectKind.Dispatcher, dispatcher, EvaluationMeasure.Dispatches);
                    if (random.NextDouble() < 0.93) Add(dispatched.Value, EvaluationSubjectKind.Dispatcher, dispatcher, EvaluationMeasure.DispatchesOnTime);
                    if (random.NextDouble() < 0.02) Add(dispatched.Value, EvaluationSubjectKind.Dispatcher, dispatcher, EvaluationMeasure.DispatchesReturned);
                    Add(dispatched.Value, EvaluationSubjectKind.Department, dep, EvaluationMeasure.Received);
                    if (roll > 0.995)
                    {
                        status = "Handling";
                        due = dispatched.Value.AddDays(3);
                    }
                    else
                    {
                        rework = random.NextDouble() < 0.04 ? 1 : 0;
                        extension = random.NextDouble() < 0.05 ? 1 : 0;
                        feedback = dispatched.Value.AddHours(2 + random.Next(72));
                        onTime = random.NextDouble() < 0.88;
                        for (var f = 0; f <= rework; f++)
                        {
                            Add(feedback.Value, EvaluationSubjectKind.Department, dep, EvaluationMeasure.Feedbacks);
                            if (onTime.Value) Add(feedback.Value, EvaluationSubjectKind.Department, dep, EvaluationMeasure.FeedbacksOnTime);
                            var inspector = Id(100_000 + grid % Inspectors);
                            Add(feedback.Value.AddHours(1), EvaluationSubjectKind.Inspector, inspector, EvaluationMeasure.Checks);
                            Add(feedback.Value.AddHours(1), EvaluationSubjectKind.Inspector, inspector, EvaluationMeasure.ChecksOnTime);
                        }
                        if (rework > 0) Add(feedback.Value, EvaluationSubjectKind.Department, dep, EvaluationMeasure.Reworks);
                        closed = feedback.Value.AddHours(2);
                        status = "Closed";
                        Regions(closed.Value, EvaluationMeasure.Closed);
                        Add(closed.Value, EvaluationSubjectKind.Department, dep, EvaluationMeasure.Closed);
                        Add(closed.Value, EvaluationSubjectKind.Channel, channel, EvaluationMeasure.Closed);
                        Add(closed.Value, EvaluationSubjectKind.CaseType, facts.TypeKey!, EvaluationMeasure.Closed);
                        Add(closed.Value, EvaluationSubjectKind.ShiftLead, leadId, EvaluationMeasure.Closed);
                        Add(closed.Value, EvaluationSubjectKind.ShiftLead, leadId, EvaluationMeasure.ClosedOnTime);
                        if (onTime.Value)
                        {
                            Regions(closed.Value, EvaluationMeasure.ClosedOnTime);
                            Add(closed.Value, EvaluationSubjectKind.Department, dep, EvaluationMeasure.ClosedOnTime);
                            Add(closed.Value, EvaluationSubjectKind.Channel, channel, EvaluationMeasure.ClosedOnTime);
                            Add(closed.Value, EvaluationSubjectKind.CaseType, facts.TypeKey!, EvaluationMeasure.ClosedOnTime);
                        }
                        if (extension > 0) Regions(closed.Value, EvaluationMeasure.ClosedDeferred);
                        if (extension > 0 && onTime.Value) Regions(closed.Value, EvaluationMeasure.ClosedDeferredOnTime);
                    }
                }
            }
            Accumulate(rows, increments, zone);

            p[0].Value = $"B{i:D12}";
            p[1].Value = channel;
            p[2].Value = status;
            p[3].Value = type;
            p[4].Value = gridCode;
            p[5].Value = community;
            p[6].Value = street;
            p[7].Value = district;
            p[8].Value = dispatched is null ? DBNull.Value : department;
            p[9].Value = rework;
            p[10].Value = extension;
            p[11].Value = Ms(created);
            p[12].Value = Db(registered is { } a ? Ms(a) : null);
            p[13].Value = Db(dispatched is { } b ? Ms(b) : null);
            p[14].Value = Db(feedback is { } c ? Ms(c) : null);
            p[15].Value = Db(closed is { } d ? Ms(d) : null);
            p[16].Value = Db(due is { } e ? Ms(e) : null);
            p[17].Value = Db(onTime);
            await insert.ExecuteNonQueryAsync();
        }
        transaction.Commit();
        transaction.Dispose();
        await insert.DisposeAsync();
        await WriteRollupsAsync(connection, rows.Values);
        return rows.Count;
    }

    /// <summary>Like the observer, but day buckets only for the kinds with few subjects (see the class summary).</summary>
    private static void Accumulate(Dictionary<RollupKey, EvaluationRollup> rows, List<EvaluationIncrement> increments, TimeZoneInfo zone)
    {
        foreach (var i in increments)
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(i.At, zone).DateTime);
            foreach (var bucket in Enum.GetValues<EvaluationBucketKind>())
            {
                if (bucket == EvaluationBucketKind.Day && i.SubjectKind is EvaluationSubjectKind.Grid or EvaluationSubjectKind.Community or EvaluationSubjectKind.Street) continue;
                var key = new RollupKey(i.SubjectKind, bucket, EvaluationRollup.StartOf(bucket, day), i.SubjectKey, i.DistrictCode);
                if (!rows.TryGetValue(key, out var row))
                {
                    row = new EvaluationRollup { SubjectKind = key.Kind, BucketKind = bucket, BucketStart = key.Start, SubjectKey = key.Subject, DistrictCode = key.District };
                    rows.Add(key, row);
                }
                row.Add(i.Measure, 1);
            }
        }
    }

    private static async Task WriteRollupsAsync(SqliteConnection connection, IEnumerable<EvaluationRollup> rows)
    {
        var measures = EvaluationMeasures.All;
        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO EvaluationRollups (SubjectKind, BucketKind, BucketStart, SubjectKey, DistrictCode, "
            + string.Join(", ", measures) + ") VALUES ($k, $b, $s, $key, $d, " + string.Join(", ", measures.Select((_, i) => $"$m{i}")) + ")";
        var k = insert.Parameters.Add(new SqliteParameter("$k", null));
        var b = insert.Parameters.Add(new SqliteParameter("$b", null));
        var s = insert.Parameters.Add(new SqliteParameter("$s", null));
        var key = insert.Parameters.Add(new SqliteParameter("$key", null));
        var d = insert.Parameters.Add(new SqliteParameter("$d", null));
        var m = measures.Select((_, i) => insert.Parameters.Add(new SqliteParameter($"$m{i}", null))).ToArray();
        insert.Prepare();
        foreach (var row in rows)
        {
            (k.Value, b.Value, s.Value, key.Value, d.Value) = (row.SubjectKind.ToString(), row.BucketKind.ToString(), row.BucketStart, row.SubjectKey, row.DistrictCode);
            for (var i = 0; i < measures.Count; i++) m[i].Value = row.Get(measures[i]);
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
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
}
