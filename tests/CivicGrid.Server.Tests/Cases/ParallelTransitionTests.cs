using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Cases;

/// <summary>Many staff pressing buttons on one case at once: one step of each kind wins, every loser gets 409 with the
/// actions allowed now (never 500), and the history stays one unbroken chain.</summary>
public abstract class ParallelTransitionTests<TDatabase>(CityHost<TDatabase> city) where TDatabase : TestDatabase, new()
{
    [Fact]
    public async Task TwentyParallelRegisterAndDispatchSteps_AnswerOnly200Or409_AndKeepTheHistoryConsistent()
    {
        foreach (var type in new[] { "06041", "06042", "06028" }) // different types: no round is a duplicate of another
        {
            var id = (await city.Report("operator", Reports.At(type, description: $"并发 {type}"))).GetProperty("id").GetInt64();
            var operatorClient = await city.SignInAs("operator");
            var dispatcherClient = await city.SignInAs("dispatcher");
            var steps = Enumerable.Range(0, 20).Select(i => i % 2 == 0
                ? operatorClient.PostAsJsonAsync($"/api/v1/cases/{id}/transitions", new { action = "register", note = $"立案 {i}" })
                : dispatcherClient.PostAsJsonAsync($"/api/v1/cases/{id}/transitions", new { action = "dispatch", note = $"派遣 {i}" }));
            var answers = await Task.WhenAll(steps);

            foreach (var answer in answers)
            {
                var body = await answer.Content.ReadAsStringAsync();
                Assert.True(answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)answer.StatusCode}: {body}");
                if (answer.StatusCode == HttpStatusCode.Conflict)
                    Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(body).RootElement.GetProperty("allowed").ValueKind);
            }
            var history = await operatorClient.GetFromJsonAsync<JsonElement[]>($"/api/v1/cases/{id}/history");
            Assert.Equal(Enumerable.Range(1, history!.Length), history.Select(e => e.GetProperty("sequence").GetInt32()));
            var actions = history.Select(e => e.GetProperty("action").GetString()).ToList();
            Assert.True(actions.SequenceEqual(["report", "register"]) || actions.SequenceEqual(["report", "register", "dispatch"]), string.Join(",", actions));
            Assert.Equal(actions.Count - 1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
            for (var i = 1; i < history.Length; i++)
                Assert.Equal(history[i - 1].GetProperty("hash").GetString(), history[i].GetProperty("previousHash").GetString());
        }
    }
}

public sealed class SqliteParallelTransitionTests(SqliteCity city) : ParallelTransitionTests<SqliteTestDatabase>(city), IClassFixture<SqliteCity>;

public sealed class PostgresParallelTransitionTests(PostgresCity city)
    : ParallelTransitionTests<PostgresTestDatabase>(city), IClassFixture<PostgresCity>;
