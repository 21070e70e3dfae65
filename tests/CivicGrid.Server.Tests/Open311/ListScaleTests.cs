using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.Open311;

/// <summary>Issue 16: lists that do not grow with history. Open311 pages by keyset (cursor + Link rel="next") as well as
/// by page number, with the same requests in the same order; the answers are the same with and without the list
/// indexes (they change only the plan); staff lists count up to a cap and then say "at least".</summary>
public abstract class ListScaleTests<TDatabase> where TDatabase : TestDatabase, new()
{
    private const string Type = "M07001"; // 共享单车乱停放: within the last minute only the test's own reports are of it

    [Fact]
    public async Task PagingByCursor_WalksTheSameRequestsAsPageNumbers_AndTheLastPageHasNoNextLink()
    {
        await using var city = await CityHost.StartAsync<TDatabase>(CityOptions.DemoCity);
        var since = Since(city);
        for (var i = 0; i < 10; i++) await city.Open311Submit(Forms.Report(Type, lon: 110.3300 + i * 0.002, description: $"游标分页 {i}"));
        var filter = $"service_code={Type}&start_date={since}&page_size=4";

        var byNumber = new List<string>();
        for (var page = 1; page <= 3; page++) byNumber.AddRange(Numbers(await city.Open311Json($"/open311/v2/requests.json?{filter}&page={page}")));
        var byCursor = new List<string>();
        var links = new List<string?>();
        var next = $"/open311/v2/requests.json?{filter}";
        while (next is not null)
        {
            var response = await city.Anonymous.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            byCursor.AddRange(Numbers(await response.Content.ReadFromJsonAsync<JsonElement>()));
            next = response.Headers.TryGetValues("Link", out var link) ? NextOf(link.Single()) : null;
            links.Add(next);
            Assert.True(links.Count <= 5, "the Link header should end");
        }

        Assert.Equal(10, byNumber.Count);
        Assert.Equal(byNumber, byCursor);
        Assert.Equal(3, links.Count); // 4 + 4 + 2: the third page is not full and has no next link
        Assert.Null(links[^1]);
    }

    [Fact]
    public async Task ABadCursor_Answers400NamingIt()
    {
        await using var city = await CityHost.StartAsync<TDatabase>(CityOptions.DemoCity);
        var response = await city.Anonymous.GetAsync("/open311/v2/requests.json?cursor=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cursor", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheAnswers_AreTheSameWithAndWithoutTheListIndexes()
    {
        await using var city = await CityHost.StartAsync<TDatabase>(CityOptions.DemoCity);
        var since = Since(city);
        for (var i = 0; i < 6; i++) await city.Open311Submit(Forms.Report(Type, lon: 110.3300 + i * 0.002, description: $"索引对照 {i}"));
        var operatorClient = await city.SignInAs("operator");
        var updatedAfter = Uri.EscapeDataString(city.Time.GetUtcNow().AddDays(-30).ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture));
        string[] open311 =
        [
            "/open311/v2/requests.json",
            "/open311/v2/requests.json?status=open&page_size=5&page=2",
            $"/open311/v2/requests.json?service_code={Type}&start_date={since}&page_size=3",
            $"/open311/v2/requests.json?updated_after={updatedAfter}&page_size=50",
            "/open311/v2/requests.json?status=closed&extensions=true&page_size=20",
        ];
        string[] staff = ["/api/v1/cases?pageSize=30", "/api/v1/cases?pageSize=30&page=3&status=Dispatched,Handling", "/api/v1/cases?sort=createdat&pageSize=15"];
        async Task<List<string>> AnswersAsync()
        {
            var answers = new List<string>();
            foreach (var path in open311) answers.Add(await (await city.Anonymous.GetAsync(path)).Content.ReadAsStringAsync());
            var cursor = (await city.Anonymous.GetAsync("/open311/v2/requests.json?page_size=10&page=2")).Headers.GetValues("Link").Single();
            answers.Add(await (await city.Anonymous.GetAsync(NextOf(cursor))).Content.ReadAsStringAsync());
            foreach (var path in staff) answers.Add(await (await operatorClient.GetAsync(path)).Content.ReadAsStringAsync());
            return answers;
        }

        var withIndexes = await AnswersAsync();
        await using (var db = city.Database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("DROP INDEX \"IX_Cases_CreatedAt_Id\"");
            await db.Database.ExecuteSqlRawAsync("DROP INDEX \"IX_Cases_UpdatedAt\"");
        }
        var withoutIndexes = await AnswersAsync();

        Assert.All(withIndexes, answer => Assert.DoesNotContain("\"errors\"", answer));
        Assert.All(withIndexes.Take(open311.Length).Zip(open311), answer => Assert.True(answer.First.Length > 100, $"{answer.Second} finds requests: {answer.First}"));
        Assert.Equal(withIndexes, withoutIndexes);
    }

    [Fact]
    public async Task AStaffListLongerThanTheCountCap_SaysAtLeast_AndANarrowOneCountsExactly()
    {
        await using var city = await CityHost.StartAsync<TDatabase>(CityOptions.DemoCity.With("--Cases:ListCountCap=5"));
        var operatorClient = await city.SignInAs("operator");

        var all = await operatorClient.GetFromJsonAsync<JsonElement>("/api/v1/cases?pageSize=3");
        var number = all.GetProperty("items")[0].GetProperty("number").GetString();
        var one = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/v1/cases?q={number}");

        Assert.Equal((5, true, 3), (all.GetProperty("total").GetInt32(), all.GetProperty("totalCapped").GetBoolean(), all.GetProperty("items").GetArrayLength()));
        Assert.Equal((1, false), (one.GetProperty("total").GetInt32(), one.GetProperty("totalCapped").GetBoolean()));
    }

    [Theory]
    [InlineData("-createdAt")]
    [InlineData("createdAt")]
    public async Task AStaffListPagedByItsNextCursor_WalksTheSameCasesAsPageNumbers(string sort)
    {
        await using var city = await CityHost.StartAsync<TDatabase>(CityOptions.DemoCity);
        var operatorClient = await city.SignInAs("operator");
        var filter = $"/api/v1/cases?sort={sort}&pageSize=7";

        var byNumber = new List<string>();
        for (var page = 1; page <= 3; page++) byNumber.AddRange(CaseNumbers(await operatorClient.GetFromJsonAsync<JsonElement>($"{filter}&page={page}")));
        var byCursor = new List<string>();
        string? next = null;
        for (var page = 1; page <= 3; page++)
        {
            var answer = await operatorClient.GetFromJsonAsync<JsonElement>(next is null ? filter : $"{filter}&after={Uri.EscapeDataString(next)}");
            byCursor.AddRange(CaseNumbers(answer));
            next = answer.GetProperty("next").GetString();
            Assert.NotNull(next); // every page here is full
        }

        Assert.Equal(21, byNumber.Count);
        Assert.Equal(byNumber, byCursor);
    }

    [Theory]
    [InlineData("after=yesterday", "after")]
    [InlineData("after=1700000000000_5&page=2", "after")]
    [InlineData("after=1700000000000_5&sort=number", "after")]
    public async Task AStaffListWithABadCursor_Answers400NamingIt(string query, string field)
    {
        await using var city = await CityHost.StartAsync<TDatabase>(CityOptions.DemoCity);
        var operatorClient = await city.SignInAs("operator");
        var response = await operatorClient.GetAsync($"/api/v1/cases?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private static List<string> CaseNumbers(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("number").GetString()!).ToList();

    private static string Since(CityHost<TDatabase> city) => Uri.EscapeDataString(
        city.Time.GetUtcNow().AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture));

    private static List<string> Numbers(JsonElement list) =>
        list.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!).ToList();

    /// <summary>The URL in <c>&lt;…&gt;; rel="next"</c>.</summary>
    private static string NextOf(string link)
    {
        Assert.EndsWith("rel=\"next\"", link);
        return link[(link.IndexOf('<') + 1)..link.IndexOf('>')];
    }
}

public sealed class SqliteListScaleTests : ListScaleTests<SqliteTestDatabase>;

public sealed class PostgresListScaleTests : ListScaleTests<PostgresTestDatabase>;
