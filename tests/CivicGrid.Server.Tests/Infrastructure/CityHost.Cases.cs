using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.Infrastructure;

/// <summary>Intent methods for the staff case API and other signed-in reads.</summary>
public partial class CityHost<TDatabase>
{
    /// <summary>A user reports a case (POST /api/v1/cases); asserts success and returns the case.</summary>
    public async Task<JsonElement> Report(string user, object report, string? idempotencyKey = null)
    {
        var response = await TryReport(user, report, idempotencyKey);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("case");
    }

    /// <summary>A user reports a case; the raw answer, for tests of refusals and replays.</summary>
    public async Task<HttpResponseMessage> TryReport(string user, object report, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = JsonContent.Create(report) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await (await SignInAs(user)).SendAsync(request);
    }

    /// <summary>A user takes a workflow step on a case; asserts success and returns the case.</summary>
    public async Task<JsonElement> Step(string user, long caseId, object step)
    {
        var response = await TryStep(user, caseId, step);
        Assert.True(response.IsSuccessStatusCode, $"{user} {JsonSerializer.Serialize(step)}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("case");
    }

    /// <summary>The department of a demo user (e.g. "handler.shizheng"): a dispatch target that has someone to act,
    /// where routing suggests nobody (a department without active users is never suggested).</summary>
    public async Task<int> DepartmentOf(string userName)
    {
        await using var db = Database.CreateContext();
        return await db.StaffUsers.Where(u => u.UserName == userName).Select(u => u.DepartmentId!.Value).SingleAsync();
    }

    /// <summary>A user takes a workflow step; the raw answer.</summary>
    public async Task<HttpResponseMessage> TryStep(string user, long caseId, object step) =>
        await (await SignInAs(user)).PostAsJsonAsync($"/api/v1/cases/{caseId}/transitions", step);

    /// <summary>Walks a reported case the plain way to closed (docs/domain/workflow-and-time-limits.md): the intake
    /// operator registers, the dispatcher dispatches to the suggested department, then <see cref="CloseAfterDispatch"/>.
    /// Returns the closed case.</summary>
    public async Task<JsonElement> CloseThroughWorkflow(long caseId, string handler = "handler.huanwei", string feedbackNote = "已清运")
    {
        await Step("operator", caseId, new { action = "register" });
        await Step("dispatcher", caseId, new { action = "dispatch" });
        return await CloseAfterDispatch(caseId, handler, feedbackNote);
    }

    /// <summary>From dispatched to closed: the handler accepts and feeds back, then <see cref="CloseAfterFeedback"/>.</summary>
    public async Task<JsonElement> CloseAfterDispatch(long caseId, string handler = "handler.huanwei", string feedbackNote = "已清运")
    {
        await Step(handler, caseId, new { action = "accept" });
        await Step(handler, caseId, new { action = "feedback", note = feedbackNote });
        return await CloseAfterFeedback(caseId);
    }

    /// <summary>From fed back to closed: the operator sends the check, the inspector passes it, the shift lead closes.</summary>
    public async Task<JsonElement> CloseAfterFeedback(long caseId)
    {
        await Step("operator", caseId, new { action = "request_check" });
        await Step("inspector", caseId, new { action = "check", passed = true });
        return await Step("shiftlead", caseId, new { action = "close" });
    }

    /// <summary>GET as a user; asserts success and returns the JSON body.</summary>
    public async Task<JsonElement> GetJson(string user, string path)
    {
        var response = await (await SignInAs(user)).GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A point inside a unit grid of another district than the centre's (秀英区 460105).</summary>
    public async Task<(double Lon, double Lat)> PointInXiuying()
    {
        await using var db = Db();
        var grid = await db.UnitGrids.AsNoTracking().Where(g => g.DistrictCode == "460105").OrderBy(g => g.Code).FirstAsync();
        var point = grid.Boundary.InteriorPoint;
        return (point.X, point.Y);
    }

    /// <summary>The id of the case with this number (a citizen's receipt shows only the number).</summary>
    public async Task<long> CaseIdOf(string number)
    {
        await using var db = Db();
        return await db.Cases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync();
    }
}
