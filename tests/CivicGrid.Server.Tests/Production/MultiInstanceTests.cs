using System.Collections.Concurrent;
using System.Globalization;
using CivicGrid.Server.Features.Cases;
using CivicGrid.Server.Tests.Auth;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CivicGrid.Server.Tests.Production;

/// <summary>Two server processes on one PostgreSQL database, sharing one attachment folder and a test clock
/// (Testing:ClockOffsetFile). Cases are created through both; time moves past every deadline and each overdue
/// alert is raised exactly once (one CaseAlerts row and one "overdue" history entry per stage), with the deadline
/// job's lease held by one instance; one instance is killed with SIGKILL in the middle of a burst and every
/// creation it acknowledged is in the database; a restarted instance and the survivor raise the alerts of the
/// new cases, again exactly once; the history chains verify.
/// <para>Every report with a contact queues a reporter notification in the outbox; both instances run the sender,
/// which claims rows before sending: before the kill, each message is sent exactly once (one line per message in
/// the shared notifications.log); after it, every message is still sent (a message the killed instance had sent but
/// not yet marked may go out twice: delivery across a crash is at least once, ADR 0010).</para></summary>
public sealed class MultiInstanceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();
    private readonly string _shared = Directory.CreateTempSubdirectory("civicgrid-multi-").FullName;
    private string ClockFile => Path.Combine(_shared, "clock-offset.txt");

    public Task InitializeAsync() => _database.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_shared, recursive: true);
    }

    [Fact]
    public async Task TwoInstances_RaiseEachOverdueAlertOnce_AndAKilledInstanceLosesNoAcknowledgedCase()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        SetClockOffset(TimeSpan.Zero);
        await using var a = await ServerInstance.StartAsync("A", Environment()); // migrates and seeds the demo city
        var b = await ServerInstance.StartAsync("B", Environment());
        output.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s: A and B running");
        try
        {
            // 1. Cases through both instances at once.
            var first = await CreateThroughAsync([a, b], perInstance: 20, prefix: "first");
            Assert.All(first, c => Assert.NotNull(c.CaseId));
            await using (var db = _database.CreateContext())
            {
                Assert.Equal(first.Count, await db.Cases.CountAsync(c => c.Description.StartsWith("production test first")));
            }

            // 2. Past every deadline: both instances run the deadline job every second; one holds the lease.
            SetClockOffset(TimeSpan.FromDays(30));
            var raised = await WaitUntilEveryDueCaseAlertedAsync(TimeSpan.FromDays(30));
            output.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s: {raised} alerts after +30 days");
            Assert.True(raised >= first.Count, $"only {raised} alerts for {first.Count} new cases");
            await AssertEachAlertOnceAsync();
            await AssertEachNotificationSentAsync(exactlyOnce: true);
            await using (var db = _database.CreateContext())
            {
                var lease = await db.JobLeases.SingleAsync(l => l.Name == DeadlineMonitor.JobName);
                output.WriteLine($"deadline lease held by {lease.Holder}");
            }

            // 3. A burst through both; B is killed with SIGKILL in the middle of it. (Tokens issued before the clock
            // moved have expired for the servers: sign in again.)
            await a.SignInAgainAsync();
            await b.SignInAgainAsync();
            var (burst, exitCode) = await BurstAndKillAsync(a, b);
            Assert.Equal(137, exitCode);
            var acknowledged = burst.Where(c => c.CaseId is not null).ToList();
            output.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s: B killed; {acknowledged.Count} of {burst.Count} burst creations acknowledged");
            Assert.Contains(acknowledged, c => c.Key.StartsWith("burst-B", StringComparison.Ordinal));
            await using (var db = _database.CreateContext())
            {
                var stored = await db.Cases.AsNoTracking().Where(c => c.Description.StartsWith("production test burst"))
                    .ToDictionaryAsync(c => c.Description, c => c.Id);
                Assert.All(acknowledged, c => Assert.Equal(c.CaseId, stored.GetValueOrDefault(c.Description)));
            }
            foreach (var creation in acknowledged.Take(20))
            {
                var read = await Creation.ReadAsync(a.Client, creation.CaseId!.Value);
                Assert.Equal(creation.Number, read.GetProperty("number").GetString());
            }
        }
        finally
        {
            await b.DisposeAsync();
        }

        // 4. B restarted; time moves again: the burst's cases (and the rest) are alerted once, by whoever holds the lease.
        await using var restarted = await ServerInstance.StartAsync("B2", Environment());
        SetClockOffset(TimeSpan.FromDays(60));
        var total = await WaitUntilEveryDueCaseAlertedAsync(TimeSpan.FromDays(60));
        output.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s: {total} alerts in all after +60 days");
        await AssertEachAlertOnceAsync();
        var overdueLines = CountOverdueLogLines(a) + CountOverdueLogLines(restarted);
        output.WriteLine($"overdue log lines: A {CountOverdueLogLines(a)}, B2 {CountOverdueLogLines(restarted)}");
        Assert.True(overdueLines <= total, $"{overdueLines} overdue log lines for {total} alerts");

        await a.SignInAgainAsync();
        var burstCase = await Creation.ReadAsync(a.Client, await FirstBurstCaseIdAsync());
        Assert.Equal("red", burstCase.GetProperty("deadline").GetProperty("light").GetString());

        await AssertEachNotificationSentAsync(exactlyOnce: false);
        var audit = await ServerProcess.RunAsync(Environment(), ServerProcess.Patience, "audit", "verify");
        Assert.True(audit.ExitCode == 0, audit.Output + audit.Error);
        output.WriteLine(audit.Output.Trim());
    }

    private static async Task<List<Creation>> CreateThroughAsync(ServerInstance[] instances, int perInstance, string prefix)
    {
        var creations = instances.SelectMany(i => Enumerable.Range(0, perInstance).Select(n => (i, new Creation($"{prefix}-{i.Name}-{n}")))).ToList();
        await Task.WhenAll(instances.Select(async instance =>
        {
            foreach (var (_, creation) in creations.Where(c => c.i == instance))
            {
                Assert.True(await creation.TrySendAsync(instance.Client), $"{creation.Key} unanswered");
            }
        }));
        return [.. creations.Select(c => c.Item2)];
    }

    /// <summary>Two clients per instance create cases until B is killed (a random moment after B's first 201);
    /// A's clients then stop too. Returns every attempt and B's exit code.</summary>
    private async Task<(List<Creation> Attempts, int ExitCode)> BurstAndKillAsync(ServerInstance a, ServerInstance b)
    {
        var attempts = new ConcurrentQueue<Creation>();
        var firstOnB = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        async Task ClientAsync(ServerInstance instance, int client)
        {
            for (var n = 0; n < 300 && !(instance == a && stop.IsCancellationRequested); n++)
            {
                var creation = new Creation($"burst-{instance.Name}-{client}-{n}");
                attempts.Enqueue(creation);
                if (!await creation.TrySendAsync(instance.Client)) return;
                if (instance == b) firstOnB.TrySetResult();
            }
        }
        var clients = new[] { (a, 1), (a, 2), (b, 1), (b, 2) }.Select(c => ClientAsync(c.Item1, c.Item2)).ToList();
        await firstOnB.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var killAfter = TimeSpan.FromMilliseconds(Random.Shared.Next(200, 800));
        await Task.Delay(killAfter);
        var exitCode = await b.Process.KillAsync();
        output.WriteLine($"killed B {killAfter.TotalMilliseconds} ms after its first 201");
        await stop.CancelAsync();
        await Task.WhenAll(clients);
        return ([.. attempts], exitCode);
    }

    /// <summary>Waits until no case is past its stage deadline without its alert (at the moved clock); returns the
    /// number of overdue alerts in the database.</summary>
    private async Task<int> WaitUntilEveryDueCaseAlertedAsync(TimeSpan offset)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await using var db = _database.CreateContext();
            var now = TimeProvider.System.GetUtcNow() + offset - TimeSpan.FromSeconds(5);
            var waiting = await db.Cases.CountAsync(c => c.StageDueAt != null && c.StageDueAt < now && !c.StageOverdueAlerted);
            if (waiting == 0) return await db.CaseAlerts.CountAsync(a => a.Kind == "overdue");
            if (deadline.Elapsed > TimeSpan.FromSeconds(120)) Assert.Fail($"{waiting} cases still not alerted after 120 s");
            await Task.Delay(500);
        }
    }

    /// <summary>One alert per case and stage (a stage is identified by its deadline), and one "overdue" history
    /// entry per alert.</summary>
    private async Task AssertEachAlertOnceAsync()
    {
        await using var db = _database.CreateContext();
        var alerts = await db.CaseAlerts.AsNoTracking().Where(a => a.Kind == "overdue").Select(a => new { a.CaseId, a.DueAt }).ToListAsync();
        Assert.NotEmpty(alerts);
        Assert.Empty(alerts.GroupBy(a => a).Where(g => g.Count() > 1).Select(g => g.Key));
        var perCase = alerts.GroupBy(a => a.CaseId).ToDictionary(g => g.Key, g => g.Count());
        var history = await db.CaseHistory.AsNoTracking().Where(h => h.Action == "overdue").GroupBy(h => h.CaseId)
            .Select(g => new { CaseId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.CaseId, g => g.Count);
        Assert.Equal(perCase.OrderBy(p => p.Key), history.OrderBy(p => p.Key));
    }

    /// <summary>Waits until the outbox holds no unsent message, then reads the shared log sender's file: every message
    /// appears in it, once each when <paramref name="exactlyOnce"/>.</summary>
    private async Task AssertEachNotificationSentAsync(bool exactlyOnce)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        List<long> messages;
        while (true)
        {
            await using var db = _database.CreateContext();
            if (!await db.NotificationOutbox.AnyAsync(m => m.SentAt == null))
            {
                messages = await db.NotificationOutbox.Select(m => m.Id).ToListAsync();
                break;
            }
            if (waited.Elapsed > TimeSpan.FromSeconds(120)) Assert.Fail("notifications still unsent after 120 s");
            await Task.Delay(500);
        }
        Assert.NotEmpty(messages);
        var sent = File.ReadAllLines(Path.Combine(_shared, "notifications.log"))
            .Where(line => line.Length > 0)
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("id").GetInt64())
            .ToList();
        Assert.Empty(messages.Except(sent));
        if (exactlyOnce) Assert.Empty(sent.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key));
        output.WriteLine($"{messages.Count} notifications, {sent.Count} sent lines");
    }

    private async Task<long> FirstBurstCaseIdAsync()
    {
        await using var db = _database.CreateContext();
        return await db.Cases.Where(c => c.Description.StartsWith("production test burst")).MinAsync(c => c.Id);
    }

    private static int CountOverdueLogLines(ServerInstance instance) =>
        instance.Process.Output.Split('\n').Count(line => line.Contains("is overdue in status", StringComparison.Ordinal));

    private void SetClockOffset(TimeSpan offset)
    {
        var temporary = ClockFile + ".tmp";
        File.WriteAllText(temporary, offset.ToString("c", CultureInfo.InvariantCulture));
        File.Move(temporary, ClockFile, overwrite: true);
    }

    private Dictionary<string, string?> Environment() => new()
    {
        ["CIVICGRID_DATA"] = _shared, // the shared storage path: attachments of both instances
        ["CIVICGRID_DEMO_PASSWORD"] = StaffAccounts.Password,
        ["ASPNETCORE_URLS"] = null,
        ["Database__Provider"] = _database.Provider.ToString(),
        ["Database__ConnectionString"] = _database.ConnectionString,
        ["Database__MigrateOnStart"] = "true",
        ["Demo__Scale"] = "small",
        ["Cases__DuplicateRadiusMetres"] = "0",
        ["Cases__DeadlineScanInterval"] = "00:00:01",
        ["Notifications__Interval"] = "00:00:01",
        ["Testing__ClockOffsetFile"] = ClockFile,
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__Format"] = "simple",
    };
}
