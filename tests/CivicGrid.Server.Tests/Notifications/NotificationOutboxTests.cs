using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using CivicGrid.Domain.Notifications;
using CivicGrid.Server.Features.Notifications;
using CivicGrid.Server.Platform.Runtime;
using CivicGrid.Server.Tests.Infrastructure;
using CivicGrid.Server.Tests.PublicService;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Tests.Notifications;

public abstract class NotificationOutboxTests<TDatabase>(CityHost<TDatabase> city) where TDatabase : TestDatabase, new()
{
    [Fact]
    public async Task EachCitizenRelevantStep_WritesExactlyOneOutboxRow_WithNumberAndPublicStatus()
    {
        var receipt = await city.PublicReport(CitizenReports.At(1, type: "06010", contact: CitizenReports.Contact));
        var number = receipt.GetProperty("number").GetString()!;
        var id = await city.CaseIdOf(number);
        Assert.Equal(1, await CountAsync(id));

        await city.Step("operator", id, new { action = "request_verification" }); // internal step: no message
        Assert.Equal(1, await CountAsync(id));
        await city.Step("inspector", id, new { action = "verify", confirmed = true });
        await city.Step("operator", id, new { action = "register" });

        await using var db = city.Db();
        var messages = await db.NotificationOutbox.AsNoTracking().Where(m => m.CaseId == id).OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal(("13912345678", NotificationChannel.Sms), (m.Recipient, m.Channel)));
        Assert.Contains(number, messages[1].Text);
        Assert.Contains("已立案", messages[1].Text);
        Assert.Null(messages[1].SentAt);
    }

    [Fact]
    public async Task FailingStep_WritesNoOutboxRow()
    {
        var receipt = await city.PublicReport(CitizenReports.At(2, type: "06010", contact: CitizenReports.Contact,
            description: "垃圾 " + FailingRegisterObserver.Marker));
        var id = await city.CaseIdOf(receipt.GetProperty("number").GetString()!);
        Assert.Equal(1, await CountAsync(id));

        var step = await (await city.SignInAs("operator")).PostAsync($"/api/v1/cases/{id}/transitions",
            new StringContent("""{"action":"register"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.InternalServerError, step.StatusCode);
        Assert.Equal(1, await CountAsync(id));
        await using var db = city.Db();
        Assert.Equal("Reported", (await db.Cases.SingleAsync(c => c.Id == id)).Status.ToString());
    }

    [Fact]
    public async Task Sender_SendsEachRowOnce_AndMarksItSent()
    {
        var id = await city.CaseIdOf((await city.PublicReport(CitizenReports.At(3, type: "06010", contact: CitizenReports.Contact))).GetProperty("number").GetString()!);
        var sink = new RecordingSender();
        using var sender = NewSender(sink, "test-once");

        while ((await sender.RunOnceAsync(default)).Claimed > 0) { }
        await sender.RunOnceAsync(default);

        var ours = await MessageIdsAsync(id);
        Assert.Single(ours);
        Assert.Equal(1, sink.Deliveries.Count(d => d == ours[0]));
        await using var db = city.Db();
        var row = await db.NotificationOutbox.AsNoTracking().SingleAsync(m => m.Id == ours[0]);
        Assert.NotNull(row.SentAt);
        Assert.Equal(1, row.Attempts);
        Assert.Equal("test-once", row.ClaimedBy);
    }

    [Fact]
    public async Task FailingSender_RetriesAfterBackOff_AndLosesNothing()
    {
        var id = await city.CaseIdOf((await city.PublicReport(CitizenReports.At(4, type: "06010", contact: CitizenReports.Contact))).GetProperty("number").GetString()!);
        var messageId = Assert.Single(await MessageIdsAsync(id));
        var sink = new RecordingSender { FailFor = messageId, Failures = 2 };
        using var sender = NewSender(sink, "test-flaky");

        await sender.RunOnceAsync(default);
        await using (var db = city.Db())
        {
            var row = await db.NotificationOutbox.AsNoTracking().SingleAsync(m => m.Id == messageId);
            Assert.Null(row.SentAt);
            Assert.Equal(1, row.Attempts);
            Assert.Equal("gateway down", row.LastError);
            Assert.True(row.NextAttemptAt > city.Time.GetUtcNow());
        }
        await sender.RunOnceAsync(default);
        Assert.Equal(1, sink.Attempts[messageId]); // not due yet

        city.Time.Advance(TimeSpan.FromSeconds(31));
        await sender.RunOnceAsync(default);
        Assert.Equal(2, sink.Attempts[messageId]); // second failure: waits twice as long
        city.Time.Advance(TimeSpan.FromSeconds(31));
        await sender.RunOnceAsync(default);
        Assert.Equal(2, sink.Attempts[messageId]);
        city.Time.Advance(TimeSpan.FromSeconds(31));
        await sender.RunOnceAsync(default);

        Assert.Equal(1, sink.Deliveries.Count(d => d == messageId));
        await using var after = city.Db();
        var sent = await after.NotificationOutbox.AsNoTracking().SingleAsync(m => m.Id == messageId);
        Assert.NotNull(sent.SentAt);
        Assert.Equal(3, sent.Attempts);
    }

    [Fact]
    public async Task FailingBatchSender_KeepsEveryMessageOfTheBatch_AndSendsThemLater()
    {
        var id = await city.CaseIdOf((await city.PublicReport(CitizenReports.At(7, type: "06010", contact: CitizenReports.Contact))).GetProperty("number").GetString()!);
        var messageId = Assert.Single(await MessageIdsAsync(id));
        var sink = new RecordingBatchSender { Failures = 1 };
        using var sender = NewSender(sink, "test-batch");

        var failed = await sender.RunOnceAsync(default);
        Assert.True(failed.Failed >= 1 && failed.Sent == 0, $"the failing batch sends nothing: {failed}");
        await using (var db = city.Db())
        {
            var row = await db.NotificationOutbox.AsNoTracking().SingleAsync(m => m.Id == messageId);
            Assert.Null(row.SentAt);
            Assert.Equal(1, row.Attempts);
            Assert.Equal("gateway down", row.LastError);
        }
        city.Time.Advance(TimeSpan.FromSeconds(31));
        var retried = await sender.RunOnceAsync(default);
        Assert.True(retried.Sent >= 1, $"sent after the back-off: {retried}");
        Assert.Equal(1, sink.Deliveries.Count(d => d == messageId));
        Assert.Equal(1, sink.Batches); // one call for the whole run, not one per message
        await using var after = city.Db();
        Assert.NotNull((await after.NotificationOutbox.AsNoTracking().SingleAsync(m => m.Id == messageId)).SentAt);
    }

    [Fact]
    public async Task DefaultSender_WritesJsonLinesToTheNotificationsLog()
    {
        var number = (await city.PublicReport(CitizenReports.At(5, type: "06010", contact: CitizenReports.Contact))).GetProperty("number").GetString()!;
        var sender = city.Services.GetRequiredService<NotificationOutboxSender>();

        while ((await sender.RunOnceAsync(default)).Claimed > 0) { }

        var log = Path.Combine(city.Services.GetRequiredService<DataDirectory>().Path, "notifications.log");
        var lines = (await File.ReadAllLinesAsync(log)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var line = Assert.Single(lines, l => l.GetProperty("text").GetString()!.Contains(number, StringComparison.Ordinal));
        Assert.Equal("sms", line.GetProperty("channel").GetString());
        Assert.Equal("13912345678", line.GetProperty("recipient").GetString());
    }

    [Fact]
    public async Task TwoSendersRunningConcurrently_SendEveryRowExactlyOnce()
    {
        var id = await city.CaseIdOf((await city.PublicReport(CitizenReports.At(6, type: "06010", contact: CitizenReports.Contact))).GetProperty("number").GetString()!);
        var now = city.Time.GetUtcNow();
        await using (var db = city.Db())
        {
            for (var i = 0; i < 300; i++)
            {
                db.NotificationOutbox.Add(new NotificationMessage
                {
                    CaseId = id, Recipient = "1390000" + i.ToString("0000", System.Globalization.CultureInfo.InvariantCulture),
                    Channel = NotificationChannel.Sms, Text = $"批量 {i}", CreatedAt = now, NextAttemptAt = now,
                });
            }
            await db.SaveChangesAsync();
        }
        var expected = await MessageIdsAsync(id);
        var sink = new RecordingSender { Delay = true };
        using var first = NewSender(sink, "instance-a", batchSize: 7);
        using var second = NewSender(sink, "instance-b", batchSize: 7);

        async Task<int> Drain(NotificationOutboxSender sender)
        {
            var sent = 0;
            for (var idle = 0; idle < 3;)
            {
                var run = await sender.RunOnceAsync(default);
                sent += run.Sent;
                idle = run.Claimed == 0 ? idle + 1 : 0;
            }
            return sent;
        }
        var counts = await Task.WhenAll(Task.Run(() => Drain(first)), Task.Run(() => Drain(second)));

        Assert.All(expected, messageId => Assert.Equal(1, sink.Deliveries.Count(d => d == messageId)));
        Assert.True(counts[0] > 0 && counts[1] > 0, $"both instances sent: {counts[0]} / {counts[1]}");
        await using var check = city.Db();
        Assert.False(await check.NotificationOutbox.AnyAsync(m => m.CaseId == id && m.SentAt == null));
    }

    private NotificationOutboxSender NewSender(INotificationSender sink, string instance, int batchSize = 50) => new(
        city.Services.GetRequiredService<IServiceScopeFactory>(), sink, city.Time,
        Options.Create(new NotificationOptions { BatchSize = batchSize, SendInBackground = false }),
        NullLogger<NotificationOutboxSender>.Instance, instance);

    private async Task<int> CountAsync(long caseId)
    {
        await using var db = city.Db();
        return await db.NotificationOutbox.CountAsync(m => m.CaseId == caseId);
    }

    private async Task<List<long>> MessageIdsAsync(long caseId)
    {
        await using var db = city.Db();
        return await db.NotificationOutbox.Where(m => m.CaseId == caseId).Select(m => m.Id).ToListAsync();
    }

    /// <summary>A batch sender that fails its first calls whole, then records what it delivered.</summary>
    private sealed class RecordingBatchSender : INotificationBatchSender
    {
        private int _calls;
        public ConcurrentQueue<long> Deliveries { get; } = new();
        public int Failures { get; init; }
        public int Batches { get; private set; }

        public Task SendAsync(NotificationMessage message, CancellationToken cancellationToken) => SendAllAsync([message], cancellationToken);

        public Task SendAllAsync(IReadOnlyList<NotificationMessage> messages, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) <= Failures) throw new InvalidOperationException("gateway down");
            Batches++;
            foreach (var message in messages) Deliveries.Enqueue(message.Id);
            return Task.CompletedTask;
        }
    }

    /// <summary>A sender that records what it delivered; it can fail a message a few times first.</summary>
    private sealed class RecordingSender : INotificationSender
    {
        public ConcurrentQueue<long> Deliveries { get; } = new();
        public ConcurrentDictionary<long, int> Attempts { get; } = new();
        public long? FailFor { get; init; }
        public int Failures { get; init; }
        public bool Delay { get; init; }

        public async Task SendAsync(NotificationMessage message, CancellationToken cancellationToken)
        {
            var attempt = Attempts.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
            if (message.Id == FailFor && attempt <= Failures) throw new InvalidOperationException("gateway down");
            if (Delay) await Task.Delay(5, cancellationToken); // a gateway takes time: the other instance gets its turn
            Deliveries.Enqueue(message.Id);
        }
    }
}

public sealed class SqliteNotificationOutboxTests(SqliteCity city) : NotificationOutboxTests<SqliteTestDatabase>(city), IClassFixture<SqliteCity>;

public sealed class PostgresNotificationOutboxTests(PostgresCity city) : NotificationOutboxTests<PostgresTestDatabase>(city), IClassFixture<PostgresCity>;
