using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Hosting;

/// <summary>Rules declared on request types (DataAnnotations, ASP.NET Core's validation before the handler) answer in
/// the same ValidationProblem shape as the errors handlers throw (ADR 0016): the JSON field name (camelCase) as the
/// key, our message, the same type, title and status. Open311 keeps its own error format. Nothing here writes data
/// other tests read.</summary>
public sealed class DeclaredValidationTests(SqliteCity city) : IClassFixture<SqliteCity>
{
    [Fact]
    public async Task ATooLongApiKeyName_Is400_NamingNameInCamelCase_WithTheDeclaredMessage()
    {
        var response = await (await city.SignInAs("admin")).PostAsJsonAsync("/api/v1/api-keys",
            new { name = new string('k', 129), contact = new string('c', 257) });

        var errors = await ErrorsOf(response);
        Assert.Equal(["contact", "name"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("name is at most 128 characters.", errors.GetProperty("name")[0].GetString());
        Assert.Equal("contact is at most 256 characters.", errors.GetProperty("contact")[0].GetString());
    }

    [Fact]
    public async Task ATransitionNoteOver4000Characters_Is400NamingNote_BeforeTheCaseIsLookedUp()
    {
        var response = await city.TryStep("dispatcher", 987_654_321, new { action = "dispatch", note = new string('n', 4001) });

        var errors = await ErrorsOf(response);
        Assert.Equal("note is at most 4000 characters.", Assert.Single(errors.EnumerateObject()).Value[0].GetString());
        Assert.True(errors.TryGetProperty("note", out _), errors.ToString());
    }

    [Fact]
    public async Task ASignInWithoutABody_Is400NamingTheBody()
    {
        using var empty = new StringContent("null", Encoding.UTF8, "application/json");
        var errors = await ErrorsOf(await city.Anonymous.PostAsync("/api/v1/auth/token", empty));

        Assert.Equal("body", Assert.Single(errors.EnumerateObject()).Name);
    }

    [Fact]
    public async Task DeclaredAndThrownFieldErrors_HaveTheSameProblemShape()
    {
        var admin = await city.SignInAs("admin");
        var declared = await ProblemOf(await admin.PutAsJsonAsync("/api/v1/catalogue/types/matter/06010/sensitivity", new { }));
        var thrown = await ProblemOf(await admin.PutAsJsonAsync("/api/v1/catalogue/types/planet/06010/sensitivity", new { sensitive = true }));

        Assert.True(declared.GetProperty("errors").TryGetProperty("sensitive", out _), declared.ToString());
        Assert.True(thrown.GetProperty("errors").TryGetProperty("kind", out _), thrown.ToString());
        Assert.Equal(Names(thrown), Names(declared));
        foreach (var member in new[] { "type", "title", "status" })
            Assert.Equal(thrown.GetProperty(member).ToString(), declared.GetProperty(member).ToString());
    }

    private static IEnumerable<string> Names(JsonElement problem) => problem.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> ErrorsOf(HttpResponseMessage response) => (await ProblemOf(response)).GetProperty("errors");
}
