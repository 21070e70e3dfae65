using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Domain.Evaluation;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Features.Evaluation;
using CivicGrid.Server.Tests.Cases;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CivicGrid.Server.Tests.Evaluation;

/// <summary>The evaluation over real HTTP and a real database, on the small demo city (whose roll-ups were rebuilt
/// after seeding) plus a realistic mix of steps taken through the API. The class shares one server on purpose (the
/// demo city is costly to seed): each test compares the API with the database at the same moment or with cases it
/// reported itself, so the other tests' cases do not change what it asserts, and the clock only moves forward.</summary>
public abstract partial class EvaluationApiTests<TDatabase>(CityHost<TDatabase> city) where TDatabase : TestDatabase, new()
{
    private const string Month = "2026-11";

    /// <summary>Hotline → verify → register → dispatch → rework → close; an inspector report closed after an extension; a
    /// suspension resumed and closed; a return and re-dispatch; a void; a reject.</summary>
    protected async Task RunWorkflowMixAsync()
    {
        async Task<long> New(string user, string? channel, string type = "06010", double dx = 0)
        {
            var created = await city.Report(user, Reports.At(type, lon: CivicGrid.Server.Seeding.DemoCity.CentrePoint.Longitude + dx, description: $"评价测试 {Guid.NewGuid():N}", channel: channel));
            return created.GetProperty("id").GetInt64();
        }
        async Task Do(string user, long id, object step) => await city.Step(user, id, step);
        city.Time.Advance(TimeSpan.FromHours(25)); // past the duplicate window of an earlier run's reports
        city.ForgetSignIns();

        var a = await New("operator", "Hotline", "06010", 0.0011);
        await Do("operator", a, new { action = "request_verification" });
        await Do("inspector", a, new { action = "verify", confirmed = true });
        await Do("operator", a, new { action = "register" });
        await Do("dispatcher", a, new { action = "dispatch" });
        await Do("handler.huanwei", a, new { action = "accept" });
        await Do("handler.huanwei", a, new { action = "feedback", note = "已清运" });
        await Do("operator", a, new { action = "request_check" });
        await Do("inspector", a, new { action = "check", passed = false, note = "仍有残留" });
        await Do("dispatcher", a, new { action = "rework", note = "请彻底清理" });
        await Do("handler.huanwei", a, new { action = "feedback", note = "已彻底清理" });
        await city.CloseAfterFeedback(a);

        var b = await New("inspector", null, "06010", 0.0023);
        await Do("shiftlead", b, new { action = "register" });
        await Do("dispatcher", b, new { action = "dispatch" });
        await Do("handler.huanwei", b, new { action = "accept" });
        await Do("handler.huanwei", b, new { action = "request_extension", extensionAmount = 2, note = "需要更换设备" });
        await Do("dispatcher", b, new { action = "approve_request" });
        city.Time.Advance(TimeSpan.FromHours(1));
        await Do("handler.huanwei", b, new { action = "feedback" });
        await city.CloseAfterFeedback(b);

        var c = await New("operator", "Hotline", "06010", 0.0035);
        await Do("shiftlead", c, new { action = "register" });
        await Do("dispatcher", c, new { action = "dispatch" });
        await Do("handler.huanwei", c, new { action = "accept" });
        await Do("handler.huanwei", c, new { action = "request_suspension", note = "等待管线单位" });
        await Do("dispatcher", c, new { action = "approve_request" });
        city.Time.Advance(TimeSpan.FromHours(2));
        await Do("dispatcher", c, new { action = "resume" });
        await Do("handler.huanwei", c, new { action = "feedback" });
        await city.CloseAfterFeedback(c);

        var d = await New("operator", "Hotline", "06010", 0.0047);
        await Do("shiftlead", d, new { action = "register" });
        await Do("dispatcher", d, new { action = "dispatch" });
        await Do("handler.huanwei", d, new { action = "request_return", note = "非本单位职责" });
        await Do("dispatcher", d, new { action = "approve_request" });
        await Do("dispatcher", d, new { action = "dispatch" });

        var e = await New("operator", "Hotline", "06010", 0.0059);
        await Do("shiftlead", e, new { action = "register" });
        await Do("shiftlead", e, new { action = "void", note = "重复案件" });

        var f = await New("operator", "Hotline", "06010", 0.0071);
        await Do("operator", f, new { action = "reject", note = "不属于受理范围" });
    }

    /// <summary>The stored roll-ups equal a full recomputation from the history; returns them.</summary>
    private async Task<List<EvaluationRollup>> AssertRollupsEqualTheHistoryAsync()
    {
        await using var scope = city.Services.CreateAsyncScope();
        var rebuild = scope.ServiceProvider.GetRequiredService<EvaluationRebuild>();
        var (cases, expected) = await rebuild.ComputeAsync(default);
        await using var db = city.Db();
        var stored = await db.EvaluationRollups.AsNoTracking().ToListAsync();
        Assert.True(cases > 300, $"only {cases} cases replayed");
        Assert.Equal(expected.Count, stored.Count);
        foreach (var row in stored)
        {
            var key = new RollupKey(row.SubjectKind, row.BucketKind, row.BucketStart, row.SubjectKey, row.DistrictCode);
            Assert.True(expected.TryGetValue(key, out var recomputed), $"{key} is not in the recomputation");
            Assert.True(recomputed.SameAs(row), $"{key}: stored and recomputed differ");
        }
        return stored;
    }

    [Fact]
    public async Task StepsTakenWhileARebuildRuns_AreCountedAfterIt()
    {
        // West of the centre (the other tests report east of it), so that no report is linked as a duplicate.
        var id = (await city.Report("operator", Reports.At(lon: CivicGrid.Server.Seeding.DemoCity.CentrePoint.Longitude - 0.0013,
            description: $"重建期间 {Guid.NewGuid():N}", channel: "Hotline"))).GetProperty("id").GetInt64();
        await using var scope = city.Services.CreateAsyncScope();
        var rebuild = scope.ServiceProvider.GetRequiredService<EvaluationRebuild>();
        var during = 0;
        rebuild.AfterReplay = async _ =>
        {
            // Between the replay of the history and the replacement of the table: a step of an old case and a new case.
            await city.Step("shiftlead", id, new { action = "register" });
            await city.Step("dispatcher", id, new { action = "dispatch" });
            await city.Report("operator", Reports.At(lon: CivicGrid.Server.Seeding.DemoCity.CentrePoint.Longitude - 0.0025,
                description: $"重建期间新案 {Guid.NewGuid():N}", channel: "Hotline"));
            during++;
        };
        // While the replacement holds the lock: a step waits for it, then adds to the new table.
        var held = (await city.Report("operator", Reports.At(lon: CivicGrid.Server.Seeding.DemoCity.CentrePoint.Longitude - 0.0037,
            description: $"重建锁定期间 {Guid.NewGuid():N}", channel: "Hotline"))).GetProperty("id").GetInt64();
        Task<JsonElement>? waiting = null;
        var heldBack = false;
        await city.SignInAs("shiftlead"); // signed in beforehand, so that only the step can wait
        rebuild.WhileLocked = async cancellationToken =>
        {
            waiting = city.Step("shiftlead", held, new { action = "register" });
            await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromSeconds(1), cancellationToken));
            heldBack = !waiting.IsCompleted;
        };
        await rebuild.RunAsync(default);
        Assert.Equal(1, during);
        Assert.NotNull(waiting);
        await waiting;
        Assert.True(heldBack, "a counted step went through while the rebuild held the roll-up lock");
        var stored = await AssertRollupsEqualTheHistoryAsync();
        await using var db = city.Db();
        var department = (await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id)).DepartmentId;
        Assert.NotNull(department);
        Assert.Contains(stored, r => r.SubjectKind == EvaluationSubjectKind.Department && r.SubjectKey == department.Value.ToString(CultureInfo.InvariantCulture) && r.Received > 0);
    }

    [Fact]
    public async Task IncrementalRollups_EqualAFullRecomputationFromTheHistory()
    {
        await RunWorkflowMixAsync();
        var stored = await AssertRollupsEqualTheHistoryAsync();
        // The mix moved the counters it should have: a rework, a deferred closing, a return and a void this month.
        var department = stored.Where(r => r.SubjectKind == EvaluationSubjectKind.Department && r.BucketKind == EvaluationBucketKind.Month && r.BucketStart == 20261101).ToList();
        Assert.True(department.Sum(r => r.Reworks) >= 1 && department.Sum(r => r.ClosedDeferred) >= 1);
        var dispatchers = stored.Where(r => r.SubjectKind == EvaluationSubjectKind.Dispatcher && r.BucketKind == EvaluationBucketKind.Year).ToList();
        Assert.True(dispatchers.Sum(r => r.DispatchesReturned) >= 1);
    }

    /// <summary>The tables read the roll-ups with plain SQL (one statement over the period's bucket ranges); this checks every
    /// kind's counters against the rows read through EF and summed here, for a month, a year and a range that mixes day
    /// and month buckets, and the inspectors' grid counters against their responsibility grids.</summary>
    [Fact]
    public async Task EveryTable_HasTheSumsOfItsPeriodsRollupRows()
    {
        // The demo city's history (rebuilt after seeding) plus whatever other tests of the class added; no sign-ins of its own
        // beyond the leader's (the sign-in endpoint is rate-limited per IP).
        foreach (var text in new[] { "2026-11", "2026-Q4", "2026", "2026-10-20..2026-11-30", "2026-07-20..2026-12-31" }) await TablesHaveTheSumsOfTheRollupRowsAsync(text);
    }

    private async Task TablesHaveTheSumsOfTheRollupRowsAsync(string text)
    {
        Assert.True(EvaluationPeriod.TryParse(text, out var period));
        await using var db = city.Db();
        var stored = await db.EvaluationRollups.AsNoTracking().ToListAsync();
        // The tables read only the counters each kind moves: every other counter must be zero on every stored row.
        foreach (var row in stored)
        {
            var other = EvaluationMeasures.All.Except(row.SubjectKind.Measures()).FirstOrDefault(m => row.Get(m) != 0, (EvaluationMeasure)(-1));
            Assert.True((int)other == -1, $"{row.SubjectKind} {row.SubjectKey} {row.BucketStart}: {other} = {((int)other >= 0 ? row.Get(other) : 0)} is not in EvaluationSubjectKinds.Measures");
        }
        var inPeriod = stored.Where(r => period.Buckets().Any(b => b.Kind == r.BucketKind && r.BucketStart >= b.From && r.BucketStart <= b.To)).ToList();
        var inspectorOf = await (from g in db.UnitGrids.AsNoTracking()
                                 join r in db.ResponsibilityGrids.AsNoTracking() on g.ResponsibilityGridId equals r.Id
                                 where r.InspectorUserId != null
                                 select new { g.Code, r.InspectorUserId }).ToDictionaryAsync(x => x.Code, x => x.InspectorUserId!.Value.ToString(CultureInfo.InvariantCulture));
        var client = await city.SignInAs("leader");
        var checkedRows = 0;
        foreach (var kind in Enum.GetValues<EvaluationSubjectKind>().Where(k => k.IsEvaluated()))
        {
            var expected = new Dictionary<string, EvaluationCounts>();
            EvaluationCounts Of(string key) => expected.TryGetValue(key, out var c) ? c : expected[key] = new EvaluationCounts();
            foreach (var row in inPeriod.Where(r => r.SubjectKind == kind)) Of(row.SubjectKey).AddAll(row);
            if (kind == EvaluationSubjectKind.Inspector)
            {
                foreach (var row in inPeriod.Where(r => r.SubjectKind == EvaluationSubjectKind.Grid && inspectorOf.ContainsKey(r.SubjectKey)))
                {
                    var c = Of(inspectorOf[row.SubjectKey]);
                    c.Registered += row.Registered;
                    c.PublicRegistered += row.PublicRegistered;
                }
            }
            var table = await client.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/{kind.ToCode()}?period={text}");
            var rows = table.GetProperty("rows").EnumerateArray().ToList();
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), rows.Select(r => r.GetProperty("key").GetString()!).Order(StringComparer.Ordinal));
            foreach (var row in rows)
            {
                var counts = row.GetProperty("counts");
                var want = expected[row.GetProperty("key").GetString()!];
                foreach (var measure in EvaluationMeasures.All)
                {
                    var got = counts.GetProperty(EvaluationDrillDown.Camel(measure)).GetInt32();
                    Assert.True(want.Get(measure) == got, $"{kind} {row.GetProperty("key")} {measure}: table {got}, roll-up rows {want.Get(measure)}");
                }
                checkedRows++;
            }
        }
        Assert.True(checkedRows > 20, $"only {checkedRows} rows");
        var dashboard = await client.GetFromJsonAsync<JsonElement>($"/api/v1/dashboard?period={text}&hotspots=5");
        var grids = inPeriod.Where(r => r.SubjectKind == EvaluationSubjectKind.Grid).GroupBy(r => r.SubjectKey)
            .Select(g => (Key: g.Key, Reported: g.Sum(r => r.Reported))).OrderByDescending(g => g.Reported).ThenBy(g => g.Key, StringComparer.Ordinal).Take(5).ToList();
        Assert.Equal(grids.Select(g => $"{g.Key}={g.Reported}"),
            dashboard.GetProperty("hotspots").EnumerateArray().Select(h => $"{h.GetProperty("gridCode").GetString()}={h.GetProperty("reported").GetInt32()}"));
    }

    /// <summary>A quarter is read from its own roll-up rows (one per subject, kept by every step and by the rebuild); this
    /// checks them against the month rows of its three months, read through EF here: a quarter row missing or wrong shows.
    /// The rows are the demo city's (rebuilt after seeding) plus the steps other tests of the class took (the observer's);
    /// no sign-ins beyond the leader's (the sign-in endpoint is rate-limited per IP).</summary>
    [Fact]
    public async Task AQuartersTablesAndHotspots_AreTheSumsOfItsThreeMonthRows()
    {
        await using var db = city.Db();
        int[] months = [20261001, 20261101, 20261201];
        var stored = await db.EvaluationRollups.AsNoTracking().Where(r => r.BucketKind == EvaluationBucketKind.Month && months.Contains(r.BucketStart)).ToListAsync();
        Assert.Contains(stored, r => r.BucketStart == 20261101 && r.SubjectKind == EvaluationSubjectKind.Department && r.Closed > 0);
        var client = await city.SignInAs("leader");
        var compared = 0;
        foreach (var kind in Enum.GetValues<EvaluationSubjectKind>().Where(k => k.IsEvaluated() && k != EvaluationSubjectKind.Inspector))
        {
            var expected = stored.Where(r => r.SubjectKind == kind).GroupBy(r => r.SubjectKey).ToDictionary(g => g.Key, g =>
            {
                var sum = new EvaluationCounts();
                foreach (var row in g) sum.AddAll(row);
                return sum;
            });
            var rows = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/{kind.ToCode()}?period=2026-Q4")).GetProperty("rows").EnumerateArray().ToList();
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), rows.Select(r => r.GetProperty("key").GetString()!).Order(StringComparer.Ordinal));
            foreach (var row in rows)
            {
                var want = expected[row.GetProperty("key").GetString()!];
                foreach (var measure in kind.Measures())
                {
                    var got = row.GetProperty("counts").GetProperty(EvaluationDrillDown.Camel(measure)).GetInt32();
                    Assert.True(want.Get(measure) == got, $"{kind} {row.GetProperty("key")} {measure}: quarter {got}, its months {want.Get(measure)}");
                    compared++;
                }
            }
        }
        Assert.True(compared > 100, $"only {compared} figures compared");
        var dashboard = await client.GetFromJsonAsync<JsonElement>("/api/v1/dashboard?period=2026-Q4&hotspots=3");
        var hottest = stored.Where(r => r.SubjectKind == EvaluationSubjectKind.Grid).GroupBy(r => r.SubjectKey)
            .Select(g => (g.Key, Reported: g.Sum(r => r.Reported))).OrderByDescending(g => g.Reported).ThenBy(g => g.Key, StringComparer.Ordinal).Take(3);
        Assert.Equal(hottest.Select(g => $"{g.Key}={g.Reported}"),
            dashboard.GetProperty("hotspots").EnumerateArray().Select(h => $"{h.GetProperty("gridCode").GetString()}={h.GetProperty("reported").GetInt32()}"));
    }

    [Fact]
    public async Task DistrictTable_IsRanked_WithGradesAndTheFiguresBehindEachScore()
    {
        var table = await (await city.SignInAs("leader")).GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/district?period={Month}");
        var rows = table.GetProperty("rows").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.Equal(1, rows[0].GetProperty("rank").GetInt32());
        Assert.Matches("^[A-E]$", rows[0].GetProperty("grade").GetString());
        var scores = rows.Where(r => r.GetProperty("score").ValueKind == JsonValueKind.Number).Select(r => r.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        var codes = rows[0].GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Contains("onTimeClosureRate", codes);
        Assert.Contains("casesPerGrid", codes);
        Assert.False(string.IsNullOrEmpty(rows[0].GetProperty("name").GetString()));
    }

    [Fact]
    public async Task EveryDashboardFigure_DrillsDownToAsManyEventsAsItShows()
    {
        await RunWorkflowMixAsync();
        var client = await city.SignInAs("leader");
        var dashboard = await client.GetFromJsonAsync<JsonElement>($"/api/v1/dashboard?period={Month}&interval=week");
        var figures = dashboard.GetProperty("figures").EnumerateArray().ToList();
        Assert.True(figures.Single(f => f.GetProperty("code").GetString() == "closed").GetProperty("value").GetDouble() >= 3);
        foreach (var figure in figures)
        {
            var link = figure.GetProperty("cases").GetString()!;
            var code = figure.GetProperty("code").GetString();
            if (code == "overdueNow")
            {
                var list = await client.GetFromJsonAsync<JsonElement>(link);
                Assert.Equal(figure.GetProperty("value").GetDouble(), list.GetProperty("total").GetInt32());
                continue;
            }
            var expected = figure.GetProperty("numerator").ValueKind == JsonValueKind.Number
                ? figure.GetProperty("numerator").GetInt32() : (int)figure.GetProperty("value").GetDouble();
            var page = await client.GetFromJsonAsync<JsonElement>(link + "&pageSize=500");
            Assert.True(expected == page.GetProperty("figure").GetInt32(), $"{code}: shows {expected}, drill-down finds {page.GetProperty("figure").GetInt32()}");
            Assert.True(page.GetProperty("totalCases").GetInt32() <= expected);
        }
        var hotspot = dashboard.GetProperty("hotspots")[0];
        Assert.InRange(hotspot.GetProperty("longitude").GetDouble(), 109, 112);
        Assert.InRange(hotspot.GetProperty("latitude").GetDouble(), 19, 21);
        var hotCases = await client.GetFromJsonAsync<JsonElement>(hotspot.GetProperty("cases").GetString() + "&pageSize=500");
        Assert.Equal(hotspot.GetProperty("reported").GetInt32(), hotCases.GetProperty("figure").GetInt32());
        Assert.All(hotCases.GetProperty("items").EnumerateArray(), c => Assert.Equal(hotspot.GetProperty("gridCode").GetString(), c.GetProperty("gridCode").GetString()));
        Assert.NotEmpty(dashboard.GetProperty("trend").EnumerateArray());
        Assert.NotEmpty(dashboard.GetProperty("byChannel").EnumerateArray());
        Assert.NotEmpty(dashboard.GetProperty("departmentLeague").EnumerateArray());
        var type = dashboard.GetProperty("byType")[0];
        var typeCases = await client.GetFromJsonAsync<JsonElement>(type.GetProperty("cases").GetString() + "&pageSize=500");
        Assert.Equal(type.GetProperty("registered").GetInt32(), typeCases.GetProperty("figure").GetInt32());
        // Reports count under their type too (once the type is settled), and drill down to as many events.
        Assert.True(type.GetProperty("reported").GetInt32() > 0, "no reports counted under the busiest type");
        var typeReports = await client.GetFromJsonAsync<JsonElement>(
            $"/api/v1/evaluation/cases?kind=case-type&key={Uri.EscapeDataString(type.GetProperty("key").GetString()!)}&measure=reported&period={Month}&pageSize=500");
        Assert.Equal(type.GetProperty("reported").GetInt32(), typeReports.GetProperty("figure").GetInt32());
    }

    [Fact]
    public async Task ACitizensRatingOfAClosedCase_IsTheSatisfactionOfItsDepartmentAndItsPlace()
    {
        var receipt = await city.Anonymous.PostAsJsonAsync("/api/public/reports", PublicService.CitizenReports.At(0, contact: PublicService.CitizenReports.Contact,
            lon: CivicGrid.Server.Seeding.DemoCity.CentrePoint.Longitude + 0.0083, lat: CivicGrid.Server.Seeding.DemoCity.CentrePoint.Latitude - 0.0004,
            description: $"满意度测试 {Guid.NewGuid():N}"));
        Assert.Equal(HttpStatusCode.Created, receipt.StatusCode);
        var body = await receipt.Content.ReadFromJsonAsync<JsonElement>();
        var token = body.GetProperty("trackingToken").GetString()!;
        long id;
        await using (var db = city.Db())
        {
            var number = body.GetProperty("number").GetString();
            id = (await db.Cases.AsNoTracking().SingleAsync(c => c.Number == number)).Id;
        }
        await city.CloseThroughWorkflow(id);
        var rating = await city.Anonymous.PostAsJsonAsync($"/api/public/track/{token}/rating", new { score = 2, comment = "处理太慢" });
        Assert.Equal(HttpStatusCode.Created, rating.StatusCode);

        int department;
        string street;
        await using (var db = city.Db())
        {
            var closed = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id);
            (department, street) = (closed.DepartmentId!.Value, closed.StreetCode!);
        }
        var local = TimeZoneInfo.ConvertTime(city.Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var month = local.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var client = await city.SignInAs("leader");
        static JsonElement Satisfaction(JsonElement table, string key) => table.GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("key").GetString() == key).GetProperty("indicators").EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == "satisfaction");
        var departments = await client.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/department?period={month}");
        var byDepartment = Satisfaction(departments, department.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(2.0, byDepartment.GetProperty("numerator").GetDouble());
        Assert.Equal(0.4, byDepartment.GetProperty("value").GetDouble(), 9);
        var streets = await client.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/street?period={month}");
        Assert.Equal(2.0, Satisfaction(streets, street).GetProperty("numerator").GetDouble());
        // Positions are not rated; the month before has no closed case rated.
        var dispatchers = await client.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/dispatcher?period={month}");
        Assert.DoesNotContain(dispatchers.GetProperty("rows").EnumerateArray().SelectMany(r => r.GetProperty("indicators").EnumerateArray()),
            i => i.GetProperty("code").GetString() == "satisfaction");
        var before = local.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var earlier = await client.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/department?period={before}");
        Assert.DoesNotContain(earlier.GetProperty("rows").EnumerateArray().SelectMany(r => r.GetProperty("indicators").EnumerateArray()),
            i => i.GetProperty("code").GetString() == "satisfaction");
    }

    [Fact]
    public async Task OnlyLeadersAdministratorsAndShiftLeads_MayRead()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await city.Anonymous.GetAsync("/api/v1/evaluation/district")).StatusCode);
        foreach (var user in new[] { "inspector", "operator", "handler.huanwei" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await (await city.SignInAs(user)).GetAsync("/api/v1/dashboard")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await (await city.SignInAs(user)).GetAsync("/api/v1/evaluation/department/export")).StatusCode);
        }
        foreach (var user in new[] { "leader", "admin", "shiftlead" })
        {
            Assert.Equal(HttpStatusCode.OK, (await (await city.SignInAs(user)).GetAsync("/api/v1/evaluation/dispatcher?period=2026")).StatusCode);
        }
    }

    [Fact]
    public async Task ADistrictScopedLeader_SeesOnlyTheirDistrict()
    {
        const string longhua = "460106";
        await using (var db = city.Db())
        {
            if (!await db.StaffUsers.AnyAsync(u => u.UserName == "leader.longhua"))
            {
                var leader = await db.StaffUsers.AsNoTracking().SingleAsync(u => u.UserName == "leader");
                db.StaffUsers.Add(new StaffUser
                {
                    UserName = "leader.longhua", DisplayName = "龙华区领导", PasswordHash = leader.PasswordHash, CityCode = leader.CityCode,
                    Roles = Roles.Leader, ScopeKind = DataScopeKind.District, ScopeDivisionCode = longhua,
                });
                await db.SaveChangesAsync();
            }
        }
        // A case in another district (秀英区), registered and dispatched: the city sees it, the Longhua leader does not.
        var (lon, lat) = await city.PointInXiuying();
        var elsewhere = (await city.Report("operator", Reports.At(lon: lon, lat: lat, description: $"秀英 {Guid.NewGuid():N}", channel: "Hotline"))).GetProperty("id").GetInt64();
        await city.Step("shiftlead", elsewhere, new { action = "register" });
        await city.Step("dispatcher", elsewhere, new { action = "dispatch", departmentId = await city.DepartmentOf("handler.shizheng") });
        var local = await city.SignInAs("leader.longhua");
        var cityLeader = await city.SignInAs("leader");
        var districts = await local.GetFromJsonAsync<JsonElement>("/api/v1/evaluation/district?period=2026");
        Assert.Equal([longhua], districts.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("key").GetString()));
        var streets = await local.GetFromJsonAsync<JsonElement>("/api/v1/evaluation/street?period=2026");
        Assert.All(streets.GetProperty("rows").EnumerateArray(), r => Assert.StartsWith(longhua, r.GetProperty("key").GetString()));
        var cityDistricts = await cityLeader.GetFromJsonAsync<JsonElement>("/api/v1/evaluation/district?period=2026");
        Assert.Contains("460105", cityDistricts.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("key").GetString()));

        static int Received(JsonElement table) => table.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("counts").GetProperty("received").GetInt32());
        var localDepartments = await local.GetFromJsonAsync<JsonElement>("/api/v1/evaluation/department?period=2026");
        var cityDepartments = await cityLeader.GetFromJsonAsync<JsonElement>("/api/v1/evaluation/department?period=2026");
        Assert.True(Received(localDepartments) < Received(cityDepartments));

        var cases = await local.GetFromJsonAsync<JsonElement>("/api/v1/evaluation/cases?kind=district&measure=reported&period=2026&pageSize=500");
        Assert.All(cases.GetProperty("items").EnumerateArray(), c => Assert.Equal(longhua, c.GetProperty("districtCode").GetString()));
        var otherDistrict = await local.GetFromJsonAsync<JsonElement>("/api/v1/evaluation/cases?kind=district&key=460105&measure=reported&period=2026");
        Assert.Equal(0, otherDistrict.GetProperty("figure").GetInt32());
        var dashboard = await local.GetFromJsonAsync<JsonElement>("/api/v1/dashboard?period=2026");
        Assert.Equal([longhua], dashboard.GetProperty("byDistrict").EnumerateArray().Select(r => r.GetProperty("key").GetString()));
    }

    [Theory]
    [InlineData("/api/v1/evaluation/district?period=2026-13", "period")]
    [InlineData("/api/v1/evaluation/planets?period=2026", "kind")]
    [InlineData("/api/v1/evaluation/channel?period=2026", "kind")]
    [InlineData("/api/v1/evaluation/district/export?format=pdf", "format")]
    [InlineData("/api/v1/evaluation/cases?kind=grid&measure=happiness", "measure")]
    [InlineData("/api/v1/evaluation/cases?kind=grid&measure=closed&pageSize=0", "pageSize")]
    [InlineData("/api/v1/dashboard?interval=hour", "interval")]
    [InlineData("/api/v1/dashboard?period=2026-01-31..2026-01-01", "period")]
    public async Task BadInput_Is400_NamingTheField(string url, string field)
    {
        var response = await (await city.SignInAs("leader")).GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Export_Xlsx_HasTheTablesCells_AndCsvTheSameRows()
    {
        var client = await city.SignInAs("leader");
        var table = await client.GetFromJsonAsync<JsonElement>("/api/v1/evaluation/department?period=2026");
        var first = table.GetProperty("rows")[0];

        var xlsx = await client.GetAsync("/api/v1/evaluation/department/export?period=2026&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        await using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        // A title row, then the headers in the UI's language (Chinese by default), then a row per subject.
        var cells = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList()).ToList();
        var header = cells[1].Select(h => h?.ToString()).ToList();
        var rows = cells.Skip(2).Select(values => header.Zip(values).ToDictionary(p => p.First ?? "", p => p.Second)).ToList();
        Assert.Equal(table.GetProperty("rows").GetArrayLength(), rows.Count);
        Assert.Equal(first.GetProperty("name").GetString(), rows[0]["名称"]?.ToString());
        Assert.Equal(first.GetProperty("grade").GetString(), rows[0]["等级"]?.ToString());
        Assert.Equal(first.GetProperty("score").GetDouble(), Convert.ToDouble(rows[0]["得分"], CultureInfo.InvariantCulture), 1);
        Assert.Equal(first.GetProperty("counts").GetProperty("received").GetInt32(), Convert.ToInt32(rows[0]["签收数"], CultureInfo.InvariantCulture));

        var csv = await client.GetStringAsync("/api/v1/evaluation/department/export?period=2026&format=csv");
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("rank,key,name,score,grade,caseCountScore", lines[0]);
        Assert.Equal(table.GetProperty("rows").GetArrayLength() + 1, lines.Length);
        Assert.StartsWith($"1,{first.GetProperty("key").GetString()},", lines[1]);
    }
}

public sealed class SqliteEvaluationApiTests(SqliteCity city) : EvaluationApiTests<SqliteTestDatabase>(city), IClassFixture<SqliteCity>;

public sealed class PostgresEvaluationApiTests(PostgresCity city) : EvaluationApiTests<PostgresTestDatabase>(city), IClassFixture<PostgresCity>;
