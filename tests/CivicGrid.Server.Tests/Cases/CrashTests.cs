using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CivicGrid.Server.Tests.Auth;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CivicGrid.Server.Tests.Cases;

/// <summary>The server process killed with SIGKILL at a random moment of a bounded burst of case creations (four
/// clients, each with its own Idempotency-Keys), then restarted on the same database: every creation acknowledged
/// with 2xx is there with exactly its first history entry, no case is half-written, `audit verify` passes, and
/// retrying an unanswered request with its key returns the case it made before the crash or makes it now, never two.</summary>
public abstract class CrashTests<TDatabase>(ITestOutputHelper output) : IAsyncLifetime where TDatabase : TestDatabase, new()
{
    private const int Clients = 4;
    private const int RequestsPerClient = 400;
    private readonly TDatabase _database = new();
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("civicgrid-crash-").FullName;

    public Task InitializeAsync() => _database.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_dataFolder, recursive: true);
    }

    [Fact]
    public async Task KilledMidBurst_KeepsEveryAcknowledgedCase_HalfWritesNone_AndRetriesNeverDuplicate()
    {
        var seed = Environment.TickCount;
        var killAfter = TimeSpan.FromMilliseconds(new Random(seed).Next(100, 1000));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        List<Attempt> attempts;
        int exitCode;
        await using (var server = await StartServerAsync())
        {
            output.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s: started, demo seeded");
            (attempts, exitCode) = await BurstAndKillAsync(server, killAfter);
        }
        var acknowledged = attempts.Where(a => a.CaseId is not null).ToList();
        var unanswered = attempts.Where(a => a.Status is null).ToList();
        output.WriteLine($"seed {seed}: killed {killAfter.TotalMilliseconds} ms after the first 201; {acknowledged.Count} acknowledged, {unanswered.Count} unanswered");

        Assert.Equal(137, exitCode); // 128 + SIGKILL: killed, not shut down
        Assert.All(attempts.Where(a => a.Status is not null), a => Assert.Equal(HttpStatusCode.Created, a.Status));
        Assert.NotEmpty(acknowledged);
        Assert.NotEmpty(unanswered);
        var committed = await AssertNothingHalfWrittenAsync();
        Assert.All(acknowledged, a => Assert.Equal(a.CaseId, committed.GetValueOrDefault(a.Description)));

        output.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s: killed, database checked");
        await using (var server = await StartServerAsync())
        {
            output.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s: restarted");
            await AssertAcknowledgedCasesAreWholeAsync(server.Client, acknowledged);
            var audit = await ServerProcess.RunAsync(ServerEnvironment(), ServerProcess.Patience, "audit", "verify");
            Assert.True(audit.ExitCode == 0, audit.Output + audit.Error);
            output.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s: acknowledged cases read back, {audit.Output.Trim()}");
            await AssertRetriesNeverDuplicateAsync(server.Client, acknowledged, unanswered, committed);
        }
        var afterRetries = await AssertNothingHalfWrittenAsync();
        Assert.Equal(attempts.Count, afterRetries.Count);
    }

    private async Task<(List<Attempt> Attempts, int ExitCode)> BurstAndKillAsync(RunningProcess server, TimeSpan killAfter)
    {
        var attempts = new ConcurrentQueue<Attempt>();
        var firstCreated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task ClientAsync(int client)
        {
            for (var i = 0; i < RequestsPerClient; i++)
            {
                var attempt = new Attempt($"crash-{client}-{i}");
                attempts.Enqueue(attempt);
                try
                {
                    await attempt.SendAsync(server.Client);
                }
                catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException or JsonException)
                {
                    return; // the server is gone: this request stays unanswered
                }
                if (attempt.CaseId is not null) firstCreated.TrySetResult();
            }
        }

        var clients = Enumerable.Range(1, Clients).Select(ClientAsync).ToList();
        await firstCreated.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(killAfter);
        var exitCode = await server.Process.KillAsync();
        await Task.WhenAll(clients);
        return ([.. attempts], exitCode);
    }

    /// <summary>Straight from the database: no case without its history or history without its case, every
    /// case's history count matches its entries, one idempotency record per burst case, one counter step per case, no
    /// description (one per request) twice. Returns the committed burst cases by description.</summary>
    private async Task<Dictionary<string, long>> AssertNothingHalfWrittenAsync()
    {
        await using var db = _database.CreateContext();
        Assert.Equal(0, await db.Cases.CountAsync(c => !db.CaseHistory.Any(h => h.CaseId == c.Id)));
        Assert.Equal(0, await db.CaseHistory.CountAsync(h => !db.Cases.Any(c => c.Id == h.CaseId)));
        Assert.Equal(0, await db.Cases.CountAsync(c => c.HistoryCount != db.CaseHistory.Count(h => h.CaseId == c.Id)));
        Assert.Equal(0, await db.IdempotencyRecords.CountAsync(r => !db.Cases.Any(c => c.Id == r.CaseId)));
        // The demo city's own case history is there too: it has no idempotency records and its own counter steps.
        var cases = await db.Cases.CountAsync();
        Assert.Equal(cases, await db.CaseNumberCounters.SumAsync(c => c.Last));
        var burst = await db.Cases.AsNoTracking().Where(c => c.Description.StartsWith(Attempt.Marker))
            .Select(c => new { c.Description, c.Id }).ToListAsync();
        Assert.Equal(burst.Count, await db.IdempotencyRecords.CountAsync());
        Assert.Equal(burst.Count, await db.IdempotencyRecords.CountAsync(r => db.Cases.Any(c => c.Id == r.CaseId && c.Description.StartsWith(Attempt.Marker))));
        Assert.Empty(burst.GroupBy(c => c.Description).Where(g => g.Count() > 1).Select(g => g.Key));
        return burst.ToDictionary(c => c.Description, c => c.Id);
    }

    private static async Task AssertAcknowledgedCasesAreWholeAsync(HttpClient client, List<Attempt> acknowledged)
    {
        foreach (var attempt in acknowledged)
        {
            var @case = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{attempt.CaseId}");
            Assert.Equal(attempt.Number, @case.GetProperty("number").GetString());
            Assert.Equal(attempt.Description, @case.GetProperty("description").GetString());
            var history = await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/cases/{attempt.CaseId}/history");
            var first = Assert.Single(history!);
            Assert.Equal(1, first.GetProperty("sequence").GetInt32());
            Assert.Equal("report", first.GetProperty("action").GetString());
        }
    }

    /// <summary>An unanswered request retried with its key: the case it made before the crash (200 replayed) or a
    /// new one now (201), and the same case again on a second retry. An acknowledged one replays its case.</summary>
    private static async Task AssertRetriesNeverDuplicateAsync(
        HttpClient client, List<Attempt> acknowledged, List<Attempt> unanswered, Dictionary<string, long> committed)
    {
        foreach (var attempt in unanswered)
        {
            await attempt.SendAsync(client);
            if (committed.TryGetValue(attempt.Description, out var before))
            {
                Assert.Equal((HttpStatusCode.OK, "replayed", before), (attempt.Status, attempt.Outcome, attempt.CaseId));
            }
            else
            {
                Assert.Equal((HttpStatusCode.Created, "created"), (attempt.Status, attempt.Outcome));
            }
            var created = attempt.CaseId;
            await attempt.SendAsync(client);
            Assert.Equal(("replayed", created), (attempt.Outcome, attempt.CaseId));
        }
        foreach (var attempt in acknowledged.Take(50))
        {
            var id = attempt.CaseId;
            await attempt.SendAsync(client);
            Assert.Equal((HttpStatusCode.OK, "replayed", id), (attempt.Status, attempt.Outcome, attempt.CaseId));
        }
    }

    private Dictionary<string, string?> ServerEnvironment() => new()
    {
        ["CIVICGRID_DATA"] = _dataFolder,
        ["CIVICGRID_DEMO_PASSWORD"] = StaffAccounts.Password,
        ["ASPNETCORE_URLS"] = null,
        ["Database__Provider"] = _database.Provider.ToString(),
        ["Database__ConnectionString"] = _database.ConnectionString,
        ["Database__MigrateOnStart"] = "true",
        ["Demo__Scale"] = "small",
        ["Cases__DuplicateRadiusMetres"] = "0", // every report makes its own case
        ["Logging__LogLevel__Default"] = "Warning",
    };

    /// <summary>The server as a child process on a free port, with a client signed in as the demo intake operator.</summary>
    private async Task<RunningProcess> StartServerAsync()
    {
        var port = ServerProcess.FreePort();
        var process = ServerProcess.Start(ServerEnvironment(), "--urls", $"http://127.0.0.1:{port}");
        try
        {
            await process.WaitForOutputAsync("CivicGrid is running.", ServerProcess.Patience);
            var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(20) };
            var token = await client.SignInAsync("operator");
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return new RunningProcess(process, client);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    private sealed class RunningProcess(ServerProcess process, HttpClient client) : IAsyncDisposable
    {
        public ServerProcess Process { get; } = process;
        public HttpClient Client { get; } = client;

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await Process.DisposeAsync();
        }
    }

    /// <summary>One creation request: its Idempotency-Key, a description naming the key, the exact body bytes
    /// (a retry must send the same bytes) and what the server answered last.</summary>
    private sealed class Attempt(string key)
    {
        public const string Marker = "crash test ";

        public string Key { get; } = key;
        public string Description { get; } = Marker + key;
        private readonly string _body = JsonSerializer.Serialize(Reports.At("06010", description: Marker + key));

        public HttpStatusCode? Status { get; private set; }
        public string? Outcome { get; private set; }
        public long? CaseId { get; private set; }
        public string? Number { get; private set; }

        /// <summary>Sends the request; on a 2xx records the case. Throws when no whole answer arrives.</summary>
        public async Task SendAsync(HttpClient client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases")
            {
                Content = new StringContent(_body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", Key);
            using var response = await client.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                Status = response.StatusCode;
                return;
            }
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            (Outcome, CaseId, Number) = (body.GetProperty("outcome").GetString(),
                body.GetProperty("case").GetProperty("id").GetInt64(), body.GetProperty("case").GetProperty("number").GetString());
            Status = response.StatusCode;
        }
    }
}

/// <summary>The crash test on SQLite (WAL, synchronous=FULL).</summary>
public sealed class SqliteCrashTests(ITestOutputHelper output) : CrashTests<SqliteTestDatabase>(output);

/// <summary>The crash test on PostgreSQL (the throwaway cluster of ./test.sh).</summary>
public sealed class PostgresCrashTests(ITestOutputHelper output) : CrashTests<PostgresTestDatabase>(output);
