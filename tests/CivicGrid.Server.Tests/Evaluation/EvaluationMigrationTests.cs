using System.Runtime.CompilerServices;
using CivicGrid.Domain.Evaluation;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CivicGrid.Server.Tests.Evaluation;

/// <summary>The migration that introduced quarter buckets fills them from the month rows already stored (a database
/// upgraded with years of history reads a quarter from one row per subject at once), and on SQLite stores the roll-ups
/// clustered on their key (WITHOUT ROWID), which EF Core cannot express and a later generated table rebuild would lose.</summary>
public abstract class EvaluationMigrationTests<TDatabase> : IAsyncLifetime where TDatabase : TestDatabase, new()
{
    private const string Before = "Open311";

    protected TDatabase Database { get; } = new();

    public Task InitializeAsync() => Database.InitializeAsync();

    public Task DisposeAsync() => Database.DisposeAsync();

    [Fact]
    public async Task UpgradingADatabase_AddsEachQuartersSumOfItsMonths()
    {
        await using var db = Database.CreateContext();
        var migrator = db.GetService<IMigrator>();
        var previous = db.Database.GetMigrations().Last(m => m.EndsWith("_" + Before, StringComparison.Ordinal));
        await migrator.MigrateAsync(previous);
        // Written as the schema of that version had them (plain SQL: the model has counters added since).
        var counters = EvaluationMeasures.All.Where(m => !CaseTrail.DatedAtDeadline(m)
            && m is not (EvaluationMeasure.CheckRequests or EvaluationMeasure.CheckRequestsOnTime)).ToList();
        async Task Row(EvaluationBucketKind bucket, int start, string key, int reported, int closed) =>
            await db.Database.ExecuteSqlAsync(FormattableStringFactory.Create(
                "INSERT INTO \"EvaluationRollups\" (\"SubjectKind\", \"BucketKind\", \"BucketStart\", \"SubjectKey\", \"DistrictCode\", "
                + string.Join(", ", counters.Select(m => $"\"{m}\"")) + ") VALUES ('Grid', {0}, {1}, {2}, '460105', "
                + string.Join(", ", counters.Select(m => m switch { EvaluationMeasure.Reported => "{3}", EvaluationMeasure.Closed => "{4}", _ => "0" })) + ")",
                bucket.ToString(), start, key, reported, closed));
        await Row(EvaluationBucketKind.Month, 20251001, "A", 1, 0);
        await Row(EvaluationBucketKind.Month, 20251101, "A", 2, 1);
        await Row(EvaluationBucketKind.Month, 20251201, "A", 4, 3);
        await Row(EvaluationBucketKind.Month, 20260101, "A", 8, 0);
        await Row(EvaluationBucketKind.Month, 20260301, "B", 16, 5);
        await Row(EvaluationBucketKind.Day, 20260315, "B", 16, 5);
        await Row(EvaluationBucketKind.Year, 20260101, "B", 16, 5);

        await db.Database.MigrateAsync();

        var quarters = await db.EvaluationRollups.AsNoTracking().Where(r => r.BucketKind == EvaluationBucketKind.Quarter)
            .OrderBy(r => r.SubjectKey).ThenBy(r => r.BucketStart).Select(r => new { r.SubjectKey, r.BucketStart, r.Reported, r.Closed }).ToListAsync();
        Assert.Equal(["A 20251001 7 4", "A 20260101 8 0", "B 20260101 16 5"], quarters.Select(q => $"{q.SubjectKey} {q.BucketStart} {q.Reported} {q.Closed}"));
        Assert.Equal(7 + 3, await db.EvaluationRollups.CountAsync());
        if (Database.Provider == CivicGrid.Data.DatabaseProvider.Sqlite)
        {
            var sql = await db.Database.SqlQueryRaw<string>("SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = 'EvaluationRollups'").SingleAsync();
            Assert.EndsWith("WITHOUT ROWID", sql.TrimEnd(), StringComparison.OrdinalIgnoreCase);
        }
    }
}

public sealed class SqliteEvaluationMigrationTests : EvaluationMigrationTests<SqliteTestDatabase>;

public sealed class PostgresEvaluationMigrationTests : EvaluationMigrationTests<PostgresTestDatabase>;
