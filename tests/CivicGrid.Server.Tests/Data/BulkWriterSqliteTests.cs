using CivicGrid.Data;
using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Notifications;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.Data;

/// <summary>The group-commit writer's direct inserts on SQLite (<see cref="BulkWriter"/>) must store exactly what EF
/// Core's SaveChanges stores, and must never give out an id twice.</summary>
public sealed class BulkWriterSqliteTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private static readonly DateTimeOffset At = new(2026, 11, 26, 9, 30, 15, 123, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using var db = _database.CreateContext();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task ACaseWrittenDirectly_IsStoredColumnForColumn_AsSaveChangesStoresIt()
    {
        await using (var db = _database.CreateContext())
        {
            db.Cases.Add(EveryColumnSet("HK2026112600001"));
            await db.SaveChangesAsync();
        }
        long directId;
        await using (var db = _database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            directId = await BulkWriter.NextIdAsync<Case>(db, default);
            var direct = EveryColumnSet("HK2026112600002", directId);
            await BulkWriter.InsertAsync(db, [direct], null, default);
            var entry = new CaseHistoryEntry
            {
                CaseId = directId, Sequence = 1, At = At, ActorName = "陈静", ActorRole = "IntakeOperator", Action = "report",
                ToStatus = CaseStatus.Reported, PreviousHash = HistoryChain.Genesis, Hash = new string('b', 64),
            };
            await BulkWriter.InsertAsync(db, [entry], null, default);
            Assert.True(entry.Id > 0, "the generated key is set on the row");
            await transaction.CommitAsync();
        }
        Assert.Equal(2, directId);

        var rows = await ReadRowsAsync("""SELECT * FROM "Cases" ORDER BY "Id" """);
        Assert.Equal(2, rows.Count);
        foreach (var column in rows[0].Keys.Where(c => c is not ("Id" or "Number")))
        {
            Assert.True(Equals(rows[0][column], rows[1][column]), $"{column}: SaveChanges stored {rows[0][column]}, the direct insert {rows[1][column]}");
        }
        await using (var db = _database.CreateContext())
        {
            var read = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == directId);
            Assert.Equal(CaseStatus.Dispatched, read.Status);
            Assert.Equal(At, read.StageDueAt);
            Assert.Equal(TimeType.WorkDay, read.StageTimeType);
            Assert.Equal(1, await db.CaseHistory.CountAsync(e => e.CaseId == directId && e.Action == "report"));
        }
    }

    [Fact]
    public async Task NextId_NeverGivesOutTheIdOfADeletedCase()
    {
        await using (var db = _database.CreateContext())
        {
            db.Cases.AddRange(EveryColumnSet("HK2026112600001"), EveryColumnSet("HK2026112600002"));
            await db.SaveChangesAsync();
            await db.Cases.Where(c => c.Number == "HK2026112600002").ExecuteDeleteAsync();
        }
        await using (var db = _database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.Equal(3, await BulkWriter.NextIdAsync<Case>(db, default));
        }
    }

    [Fact]
    public async Task TrackedRows_AreInsertedBesideRowsOnlyRead_AndLeftToSaveChangesWhenOneIsUpdated()
    {
        long caseId;
        await using (var db = _database.CreateContext())
        {
            var @case = EveryColumnSet("HK2026112600001");
            db.Cases.Add(@case);
            await db.SaveChangesAsync();
            caseId = @case.Id;
        }
        await using (var db = _database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            _ = await db.Cases.SingleAsync(c => c.Id == caseId); // read and tracked unchanged, as a duplicate candidate is
            var message = new NotificationMessage { CaseId = caseId, Recipient = "13800138000", Channel = NotificationChannel.Sms, Text = "已收到", CreatedAt = At, NextAttemptAt = At };
            db.NotificationOutbox.Add(message);
            Assert.True(BulkWriter.TryInsertTracked(db));
            Assert.True(message.Id > 0);
            Assert.Equal(EntityState.Unchanged, db.Entry(message).State);
            await transaction.CommitAsync();
        }
        await using (var db = _database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var @case = await db.Cases.SingleAsync(c => c.Id == caseId);
            @case.LinkDuplicate(new ReportDetails(CaseChannel.Hotline, "又一次", 110.33, 20.02, null, null, null, null, true), Actor.System, At);
            db.NotificationOutbox.Add(new NotificationMessage { CaseId = caseId, Recipient = "13800138000", Text = "已立案", CreatedAt = At, NextAttemptAt = At });
            Assert.False(BulkWriter.TryInsertTracked(db));
        }
        await using (var db = _database.CreateContext())
        {
            var stored = await db.NotificationOutbox.AsNoTracking().SingleAsync();
            Assert.Equal(("已收到", NotificationChannel.Sms, At), (stored.Text, stored.Channel, stored.NextAttemptAt));
        }
    }

    [Fact]
    public async Task KeptStatements_WriteInEachNewTransaction_AndAfterTheConnectionIsReopened()
    {
        // The statements are kept with the connection and reused: each use must join the current transaction (a
        // rolled-back one loses its row) and a reopened connection compiles them again.
        await using var db = _database.CreateContext();
        await db.Database.OpenConnectionAsync();
        async Task WriteAsync(string number, bool commit)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var @case = EveryColumnSet(number, await BulkWriter.NextIdAsync<Case>(db, default));
            await BulkWriter.InsertAsync(db, [@case], null, default);
            await BulkWriter.InsertAsync(db, [new CaseHistoryEntry
            {
                CaseId = @case.Id, Sequence = 1, At = At, ActorName = "陈静", ActorRole = "IntakeOperator", Action = "report",
                ToStatus = CaseStatus.Reported, PreviousHash = HistoryChain.Genesis, Hash = new string('c', 64),
            }], null, default);
            if (commit) await transaction.CommitAsync();
        }
        await WriteAsync("HK2026112600001", commit: true);
        await WriteAsync("HK2026112600002", commit: false);
        await WriteAsync("HK2026112600003", commit: true);
        await db.Database.CloseConnectionAsync();
        await db.Database.OpenConnectionAsync();
        await WriteAsync("HK2026112600004", commit: true);

        var rows = await ReadRowsAsync("""SELECT c."Id", c."Number", h."Hash" FROM "Cases" c JOIN "CaseHistory" h ON h."CaseId" = c."Id" ORDER BY c."Id" """);
        Assert.Equal(["HK2026112600001", "HK2026112600003", "HK2026112600004"], rows.Select(r => (string)r["Number"]!));
        Assert.Equal([1L, 2L, 3L], rows.Select(r => (long)r["Id"]!));
        Assert.All(rows, r => Assert.Equal(new string('c', 64), r["Hash"]));
    }

    private async Task<List<Dictionary<string, object?>>> ReadRowsAsync(string sql)
    {
        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        }
        return rows;
    }

    /// <summary>A case with every column away from its default: enums, instants, flags, nullable numbers and texts. No
    /// step reaches every column at once, so the test sets them as a row read from the store would be (through the
    /// private setters, as EF Core does).</summary>
    private static Case EveryColumnSet(string number, long id = 0)
    {
        var (@case, _) = Case.Report(number, "460100", new ReportDetails(CaseChannel.Hotline, "人行道上堆放暴露垃圾", 110.331234, 20.021234,
            "46010600100100", "460106001001", "460106001", "460106", false), Actor.System, At, Context, id);
        Dictionary<string, object?> columns = new()
        {
            ["Status"] = CaseStatus.Dispatched, ["Kind"] = CatalogueKind.Matter, ["TypeCode"] = "06010", ["Address"] = "龙华路 1 号",
            ["ComponentId"] = "46010601010000001", ["ReporterName"] = "李先生", ["ReporterPhone"] = "13800138000",
            ["ReporterEmail"] = "li@example.org", ["ReporterUserId"] = 7, ["IsUrgent"] = true, ["VerificationConfirmed"] = true,
            ["PendingRequest"] = PendingRequestKind.Extension, ["PendingRequestNote"] = "需要更多时间", ["PendingExtensionAmount"] = 2,
            ["ReworkCount"] = 1, ["SupervisionCount"] = 2, ["ExtensionCount"] = 3, ["UpdatedAt"] = At.AddMinutes(1),
            ["RegisteredAt"] = At.AddMinutes(2), ["DispatchedAt"] = At.AddMinutes(3), ["FeedbackAt"] = At.AddMinutes(4),
            ["ClosedAt"] = At.AddMinutes(5), ["StageStartedAt"] = At.AddMinutes(6), ["StageTimeType"] = TimeType.WorkDay,
            ["StageLimitAmount"] = 5, ["StagePauses"] = "2026-11-26T09:00Z/2026-11-26T10:00Z", ["StageDueAt"] = At,
            ["StageYellowAt"] = At.AddHours(-1), ["StageOverdueAlerted"] = true, ["HandledOnTime"] = false, ["HistoryCount"] = 4,
            ["LastHistoryHash"] = new string('c', 64), ["Version"] = 9, ["FrozenLight"] = DeadlineLight.Yellow,
        };
        foreach (var (name, value) in columns) typeof(Case).GetProperty(name)!.SetValue(@case, value);
        return @case;
    }

    private static readonly WorkflowContext Context = new(
        WorkingCalendar.Standard(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), []), WorkflowTimeLimits.Default, null);
}
