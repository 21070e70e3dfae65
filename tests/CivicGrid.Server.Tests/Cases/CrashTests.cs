using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CivicGrid.Domain.Cases;
using CivicGrid.Server.Tests.Auth;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CivicGrid.Server.Tests.Cases;

/// <summary>The server process killed with SIGKILL at a random moment of a bounded burst of reports through every
/// intake channel (two staff clients, one Open311 client, one citizen, each request with its own Idempotency-Key), then
/// restarted on the same database: every report acknowledged with 2xx is there with exactly its first history entry, no
/// case is half-written — an Open311 case has its token and a citizen's case its tracking token, or neither exists
/// (issue 16: they commit in one transaction) — `audit verify` passes, and retrying an unanswered request with its key
/// returns the case it made before the crash or makes it now, never two.</summary>
public abstract class CrashTests<TDatabase>(ITestOutputHelper output) : IAsyncLifetime where TDatabase : TestDatabase, new()
{
    private static readonly CrashChannel[] ClientChannels = [CrashChannel.Staff, CrashChannel.Staff, CrashChannel.Open311, CrashChannel.Public];
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
        List<CrashAttempt> attempts;
        int exitCode;
        string apiKey;
        await using (var server = await StartServerAsync())
        {
            output.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s: started, demo seeded");
            apiKey = await CreateApiKeyAsync(server);
            (attempts, exitCode) = await BurstAndKillAsync(server, apiKey, killAfter);
        }
        var acknowledged = attempts.Where(a => a.Number is not null).ToList();
        var unanswered = attempts.Where(a => a.Status is null).ToList();
        output.WriteLine($"seed {seed}: killed {killAfter.TotalMilliseconds} ms after every client's first acknowledgement; {acknowledged.Count} acknowledged, {unanswered.Count} unanswered; "
            + string.Join(", ", acknowledged.GroupBy(a => a.Channel).Select(g => $"{g.Key} {g.Count()}")));

        Assert.Equal(137, exitCode); // 128 + SIGKILL: killed, not shut down
        Assert.All(attempts.Where(a => a.Status is not null), a => Assert.Equal(CrashAttempt.CreatedStatus(a.Channel), a.Status));
        Assert.All(ClientChannels.Distinct(), channel => Assert.Contains(acknowledged, a => a.Channel == channel));
        Assert.NotEmpty(unanswered);
        var committed = await AssertNothingHalfWrittenAsync(retried: false);
        Assert.All(acknowledged, a => Assert.Equal(a.Number, committed.GetValueOrDefault(a.Description).Number));
        await AssertOpen311TokensAreTheAnsweredOnesAsync(acknowledged);

        output.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s: killed, database checked");
        await using (var server = await StartServerAsync())
        {
            output.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s: restarted");
            await AssertAcknowledgedCasesAreWholeAsync(server.Client, acknowledged, committed);
            var audit = await ServerProcess.RunAsync(ServerEnvironment(), ServerProcess.Patience, "audit", "verify");
            Assert.True(audit.ExitCode == 0, audit.Output + audit.Error);
            output.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s: acknowledged cases read back, {audit.Output.Trim()}");
            await AssertRetriesNeverDuplicateAsync(server, apiKey, acknowledged, unanswered, committed);
        }
        var afterRetries = await AssertNothingHalfWrittenAsync(retried: true);
        Assert.Equal(attempts.Count, afterRetries.Count);
    }

    private async Task<(List<CrashAttempt> Attempts, int ExitCode)> BurstAndKillAsync(RunningProcess server, string apiKey, TimeSpan killAfter)
    {
        var attempts = new ConcurrentQueue<CrashAttempt>();
        // The kill comes after every client's first acknowledgement (so each channel is caught mid-stream, however
        // slow a loaded machine makes the start), then a random moment later.
        var firstCreated = ClientChannels.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        async Task ClientAsync(int client)
        {
            for (var i = 0; i < RequestsPerClient; i++)
            {
                var attempt = new CrashAttempt(ClientChannels[client], $"crash-{client}-{i}");
                attempts.Enqueue(attempt);
                try
                {
                    await attempt.SendAsync(server.Client, server.Anonymous, apiKey);
                }
                catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException or JsonException)
                {
                    return; // the server is gone: this request stays unanswered
                }
                if (attempt.Number is not null) firstCreated[client].TrySetResult();
            }
        }

        var clients = Enumerable.Range(0, ClientChannels.Length).Select(ClientAsync).ToList();
        await Task.WhenAll(firstCreated.Select(t => t.Task)).WaitAsync(ServerProcess.Patience);
        await Task.Delay(killAfter);
        var exitCode = await server.Process.KillAsync();
        await Task.WhenAll(clients);
        return ([.. attempts], exitCode);
    }

    /// <summary>Straight from the database: no case without its history or history without its case, every
    /// case's history count matches its entries, one idempotency record per burst case, one counter step per case, no
    /// description (one per request) twice; every Open311 burst case has exactly one token and every citizen burst case
    /// its tracking token (exactly one before retries: a public replay hands out a token of its own). Returns the
    /// committed burst cases by description.</summary>
    private async Task<Dictionary<string, (long Id, string Number)>> AssertNothingHalfWrittenAsync(bool retried)
    {
        await using var db = _database.CreateContext();
        Assert.Equal(0, await db.Cases.CountAsync(c => !db.CaseHistory.Any(h => h.CaseId == c.Id)));
        Assert.Equal(0, await db.CaseHistory.CountAsync(h => !db.Cases.Any(c => c.Id == h.CaseId)));
        Assert.Equal(0, await db.Cases.CountAsync(c => c.HistoryCount != db.CaseHistory.Count(h => h.CaseId == c.Id)));
        Assert.Equal(0, await db.IdempotencyRecords.CountAsync(r => !db.Cases.Any(c => c.Id == r.CaseId)));
        Assert.Equal(0, await db.Open311Tokens.CountAsync(t => !db.Cases.Any(c => c.Id == t.CaseId)));
        Assert.Equal(0, await db.CaseTrackingTokens.CountAsync(t => !db.Cases.Any(c => c.Id == t.CaseId)));
        // The demo city's own case history is there too: it has no idempotency records and its own counter steps.
        var cases = await db.Cases.CountAsync();
        Assert.Equal(cases, await db.CaseNumberCounters.SumAsync(c => c.Last));
        var burst = await db.Cases.AsNoTracking().Where(c => c.Description.StartsWith(CrashAttempt.Marker))
            .Select(c => new
            {
                c.Description, c.Id, c.Number, c.Channel,
                Open311Tokens = db.Open311Tokens.Count(t => t.CaseId == c.Id),
                TrackingTokens = db.CaseTrackingTokens.Count(t => t.CaseId == c.Id),
            }).ToListAsync();
        Assert.Equal(burst.Count, await db.IdempotencyRecords.CountAsync());
        Assert.Equal(burst.Count, await db.IdempotencyRecords.CountAsync(r => db.Cases.Any(c => c.Id == r.CaseId && c.Description.StartsWith(CrashAttempt.Marker))));
        Assert.Empty(burst.GroupBy(c => c.Description).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.All(burst.Where(c => c.Channel == CaseChannel.Open311), c => Assert.Equal((c.Number, 1, 0), (c.Number, c.Open311Tokens, c.TrackingTokens)));
        Assert.All(burst.Where(c => c.Channel == CaseChannel.Citizen), c =>
        {
            Assert.Equal(0, c.Open311Tokens);
            if (retried) Assert.InRange(c.TrackingTokens, 1, 3);
            else Assert.Equal((c.Number, 1), (c.Number, c.TrackingTokens));
        });
        Assert.All(burst.Where(c => c.Channel is not (CaseChannel.Open311 or CaseChannel.Citizen)), c => Assert.Equal(0, c.Open311Tokens + c.TrackingTokens));
        return burst.ToDictionary(c => c.Description, c => (c.Id, c.Number));
    }

    /// <summary>The token an acknowledged Open311 client holds is the one stored for its case.</summary>
    private async Task AssertOpen311TokensAreTheAnsweredOnesAsync(List<CrashAttempt> acknowledged)
    {
        await using var db = _database.CreateContext();
        var stored = await db.Open311Tokens.AsNoTracking().Join(db.Cases, t => t.CaseId, c => c.Id, (t, c) => new { c.Number, t.Token })
            .ToDictionaryAsync(t => t.Number, t => t.Token);
        Assert.All(acknowledged.Where(a => a.Channel == CrashChannel.Open311), a => Assert.Equal(a.Token, stored.GetValueOrDefault(a.Number!)));
    }

    private static async Task AssertAcknowledgedCasesAreWholeAsync(HttpClient client, List<CrashAttempt> acknowledged,
        Dictionary<string, (long Id, string Number)> committed)
    {
        foreach (var attempt in acknowledged)
        {
            var id = committed[attempt.Description].Id;
            var @case = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}");
            Assert.Equal(attempt.Number, @case.GetProperty("number").GetString());
            Assert.Equal(attempt.Description, @case.GetProperty("description").GetString());
            var history = await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/cases/{id}/history");
            var first = Assert.Single(history!);
            Assert.Equal(1, first.GetProperty("sequence").GetInt32());
            Assert.Equal("report", first.GetProperty("action").GetString());
        }
    }

    /// <summary>An unanswered request retried with its key: the case it made before the crash (replayed) or a new one
    /// now, and the same case again on a second retry. An acknowledged one replays its case (Open311: with its token).</summary>
    private static async Task AssertRetriesNeverDuplicateAsync(RunningProcess server, string apiKey,
        List<CrashAttempt> acknowledged, List<CrashAttempt> unanswered, Dictionary<string, (long Id, string Number)> committed)
    {
        foreach (var attempt in unanswered)
        {
            await attempt.SendAsync(server.Client, server.Anonymous, apiKey);
            Assert.Equal(CrashAttempt.CreatedStatus(attempt.Channel) == HttpStatusCode.OK || committed.ContainsKey(attempt.Description)
                ? HttpStatusCode.OK : HttpStatusCode.Created, attempt.Status);
            if (committed.TryGetValue(attempt.Description, out var before))
            {
                Assert.Equal(before.Number, attempt.Number);
                if (attempt.Channel != CrashChannel.Open311) Assert.Equal("replayed", attempt.Outcome);
            }
            else if (attempt.Channel != CrashChannel.Open311) Assert.Equal("created", attempt.Outcome);
            var (number, token) = (attempt.Number, attempt.Token);
            await attempt.SendAsync(server.Client, server.Anonymous, apiKey);
            Assert.Equal(number, attempt.Number);
            if (attempt.Channel == CrashChannel.Open311) Assert.Equal(token, attempt.Token);
            else Assert.Equal("replayed", attempt.Outcome);
        }
        foreach (var attempt in acknowledged.GroupBy(a => a.Channel).SelectMany(g => g.Take(20)))
        {
            var number = attempt.Number;
            await attempt.SendAsync(server.Client, server.Anonymous, apiKey);
            Assert.Equal(number, attempt.Number);
            if (attempt.Channel == CrashChannel.Open311) Assert.Equal(attempt.FirstToken, attempt.Token);
            else Assert.Equal("replayed", attempt.Outcome);
        }
    }

    private static async Task<string> CreateApiKeyAsync(RunningProcess server)
    {
        using var admin = new HttpClient { BaseAddress = server.Anonymous.BaseAddress, Timeout = ServerProcess.Patience };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await admin.SignInAsync("admin"));
        var response = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "crash test client" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
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
        ["Open311__SubmissionsPerKeyPerMinute"] = "100000", // a burst, not abuse
        ["Open311__SubmissionsPerIpPerMinute"] = "100000",
        ["PublicService__ReportsPerIpPerMinute"] = "100000",
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
            var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = ServerProcess.Patience };
            var token = await client.SignInAsync("operator");
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return new RunningProcess(process, client, new HttpClient { BaseAddress = client.BaseAddress, Timeout = ServerProcess.Patience });
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    private sealed class RunningProcess(ServerProcess process, HttpClient client, HttpClient anonymous) : IAsyncDisposable
    {
        public ServerProcess Process { get; } = process;
        public HttpClient Client { get; } = client;
        public HttpClient Anonymous { get; } = anonymous;

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            Anonymous.Dispose();
            await Process.DisposeAsync();
        }
    }
}

/// <summary>The crash test on SQLite (WAL, synchronous=FULL).</summary>
public sealed class SqliteCrashTests(ITestOutputHelper output) : CrashTests<SqliteTestDatabase>(output);

/// <summary>The crash test on PostgreSQL (the throwaway cluster of ./test.sh).</summary>
public sealed class PostgresCrashTests(ITestOutputHelper output) : CrashTests<PostgresTestDatabase>(output);
