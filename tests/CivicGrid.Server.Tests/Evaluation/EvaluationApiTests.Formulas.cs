using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Domain.Evaluation;
using CivicGrid.Server.Features.Cases;
using CivicGrid.Server.Tests.Cases;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.Evaluation;

/// <summary>The formulas as the API answers them (issue 14, item 5): what each indicator divides by, and the settings.</summary>
public abstract partial class EvaluationApiTests<TDatabase>
{
    [Fact]
    public async Task EveryIndicatorOfEveryKind_IsItsNumeratorOverItsDenominator()
    {
        // The demo city's year (reworks, returns, voids, extensions) plus the other tests' steps; only the leader signs in here
        // (the sign-in endpoint is rate-limited per IP).
        var client = await city.SignInAs("leader");
        var checkedIndicators = new HashSet<string>();
        foreach (var kind in Enum.GetValues<EvaluationSubjectKind>().Where(k => k.IsEvaluated()))
        {
            foreach (var period in new[] { Month, "2026" })
            {
                var table = await client.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/{kind.ToCode()}?period={period}");
                foreach (var row in table.GetProperty("rows").EnumerateArray())
                {
                    foreach (var indicator in row.GetProperty("indicators").EnumerateArray())
                    {
                        var code = indicator.GetProperty("code").GetString();
                        var (numerator, denominator) = (indicator.GetProperty("numerator").GetDouble(), indicator.GetProperty("denominator").GetDouble());
                        if (indicator.GetProperty("value").ValueKind != JsonValueKind.Number)
                        {
                            Assert.True(denominator == 0, $"{kind} {row.GetProperty("key")} {code}: no value but {numerator} / {denominator}");
                            continue;
                        }
                        var value = indicator.GetProperty("value").GetDouble();
                        Assert.True(Math.Abs(value - numerator / denominator) < 1e-9,
                            $"{kind} {row.GetProperty("key")} {code}: value {value}, but {numerator} / {denominator} = {numerator / denominator}");
                        checkedIndicators.Add($"{kind}.{code}");
                    }
                }
            }
        }
        // The indicators that had a wrong numerator were met with a value.
        foreach (var expected in new[] { "District.inspectorFoundShare", "District.onTimeClosureRate", "Department.noReworkRate", "Department.caseCountScore",
                     "Inspector.notMissedRate", "ShiftLead.accurateRegistrationRate", "Dispatcher.accurateDispatchRate", "IntakeOperator.caseCountScore" })
        {
            Assert.Contains(expected, checkedIndicators);
        }
    }

    [Fact]
    public async Task AnOpenCasePastItsHandlingDeadline_CountsAsDue_AgainstItsRegionAndDepartment()
    {
        var id = (await city.Report("operator", Reports.At(lon: CivicGrid.Server.Seeding.DemoCity.CentrePoint.Longitude + 0.0095,
            description: $"逾期未处置 {Guid.NewGuid():N}", channel: "Hotline"))).GetProperty("id").GetInt64();
        await city.Step("shiftlead", id, new { action = "register" });
        await city.Step("dispatcher", id, new { action = "dispatch" });
        DateTimeOffset due;
        string district;
        int department;
        await using (var db = city.Db())
        {
            var @case = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id);
            (due, district, department) = (@case.StageDueAt!.Value, @case.DistrictCode!, @case.DepartmentId!.Value);
        }
        city.Time.SetUtcNow(due.AddMinutes(1));
        city.ForgetSignIns(); // issued before the clock moved on
        await city.Services.GetRequiredService<DeadlineMonitor>().RunOnceAsync(CancellationToken.None);

        var day = TimeZoneInfo.ConvertTime(due, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var period = $"{day}..{day}";
        var client = await city.SignInAs("leader");
        async Task<(JsonElement Indicator, JsonElement Due, JsonElement OnTime)> Of(string kind, string key, string code)
        {
            var table = await client.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/{kind}?period={period}");
            var row = table.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == key);
            var indicator = row.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);
            async Task<JsonElement> Cases(string measure) =>
                await client.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/cases?kind={kind}&key={key}&measure={measure}&period={period}&pageSize=500");
            return (indicator, await Cases("due"), await Cases("dueOnTime"));
        }
        static List<long> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).ToList();
        foreach (var (kind, key, code) in new[] { ("district", district, "onTimeClosureRate"), ("department", department.ToString(CultureInfo.InvariantCulture), "onTimeHandlingRate") })
        {
            var (indicator, dueCases, onTime) = await Of(kind, key, code);
            Assert.Contains(id, Ids(dueCases)); // open, never fed back: due all the same
            Assert.DoesNotContain(id, Ids(onTime));
            // The rate divides by the stages due (a reworked case may be due twice), and the drill-down finds as many.
            Assert.Equal(dueCases.GetProperty("figure").GetInt32(), (int)indicator.GetProperty("denominator").GetDouble());
            Assert.Equal(onTime.GetProperty("figure").GetInt32(), (int)indicator.GetProperty("numerator").GetDouble());
        }
        // The overdue marks the monitor just wrote were counted by the step observer exactly as the rebuild counts them.
        await AssertRollupsEqualTheHistoryAsync();
    }

    [Fact]
    public async Task Settings_AreAnsweredAsJson_WithEveryGradeBand()
    {
        var response = await (await city.SignInAs("leader")).GetAsync("/api/v1/evaluation/settings");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var settings = await response.Content.ReadFromJsonAsync<JsonElement>();
        var grades = settings.GetProperty("grades").EnumerateArray().ToDictionary(g => g.GetProperty("grade").GetString()!, g => g.GetProperty("minScore").GetDouble());
        Assert.Equal(["A", "B", "C", "D", "E"], grades.Keys.Order());
        Assert.Equal(0, grades["E"]);
        Assert.Equal(0.35, settings.GetProperty("intakeOperator").GetProperty("onTimeCheckDispatch").GetDouble());
    }
}
