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

    /// <summary>A user takes a workflow step; the raw answer.</summary>
    public async Task<HttpResponseMessage> TryStep(string user, long caseId, object step) =>
        await (await SignInAs(user)).PostAsJsonAsync($"/api/v1/cases/{caseId}/transitions", step);

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
