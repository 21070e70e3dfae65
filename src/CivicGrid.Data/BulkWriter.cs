using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CivicGrid.Data;

/// <summary>What a bulk load may tell the writer: roughly how many rows are coming (on SQLite a large load into a table
/// already holding fewer rows builds its plain indexes once at the end, see <see cref="BulkWriter.InsertAsync"/>) and
/// whom to tell the count so far (every 10,000 rows and at the end).</summary>
public sealed record BulkLoad(long ExpectedRows = 0, IProgress<long>? Progress = null);

/// <summary>The one bulk writer of every path that writes many new rows at once: the group-commit intake (ADR 0008),
/// the demo city and the component import. New rows of a mapped entity go in without change tracking: on SQLite one
/// prepared single-row INSERT per entity type, kept with the connection and bound and stepped once per row; on
/// PostgreSQL binary COPY. Columns, value conversions (enums as text, instants as unix ms on SQLite) and store types come
/// from the EF model, so the rows are the ones SaveChanges would write. Only for rows whose foreign keys point at rows
/// already written or written earlier in the same load.</summary>
public static partial class BulkWriter
{
    /// <summary>Inserts <paramref name="rows"/> (enumerated once, lazily: memory stays flat for millions) in the context's
    /// transaction, or in one of its own when there is none; returns the count. A store-generated key left at its
    /// default on the first row (then on all rows alike) is generated and set on each row (SQLite only); a key given is
    /// written as given. On SQLite, when <see cref="BulkLoad.ExpectedRows"/> is ≥ 50,000 and at least half the rows
    /// already stored, the table's plain (non-unique) indexes are dropped and built again in the same transaction:
    /// inserting random keys into a B-tree row by row costs several times more than one sorted build at the end.</summary>
    public static async Task<long> InsertAsync<T>(DbContext db, IEnumerable<T> rows, BulkLoad? load, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        load ??= new BulkLoad();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            await using (own)
            {
                var count = db.Database.GetDbConnection() is NpgsqlConnection npgsql
                    ? await CopyAsync(npgsql, entityType, rows, load.Progress, cancellationToken)
                    : await InsertSqliteAsync(db, entityType, rows, load, cancellationToken);
                if (own is not null) await own.CommitAsync(cancellationToken);
                return count;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<long> InsertSqliteAsync<T>(DbContext db, IEntityType entityType, IEnumerable<T> rows, BulkLoad load,
        CancellationToken cancellationToken) where T : class
    {
        var indexes = load.ExpectedRows >= 50_000 && load.ExpectedRows >= await RowCountAsync(db, entityType, cancellationToken) / 2
            ? PlainIndexes(entityType)
            : [];
        foreach (var index in indexes) await ExecuteAsync(db, $"DROP INDEX IF EXISTS \"{index.Name}\"", cancellationToken);
        var key = entityType.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } single] ? single : null;
        Statement? insert = null;
        long count = 0;
        foreach (var row in rows)
        {
            if (insert is null)
            {
                var generate = key is not null && Equals(key.GetGetter().GetClrValue(row), key.Sentinel);
                insert = Statement.For(db, entityType, generate ? key : null);
            }
            var id = insert.Write(row);
            if (insert.ReturnsKey) key!.PropertyInfo!.SetValue(row, Convert.ChangeType(id, key.ClrType, System.Globalization.CultureInfo.InvariantCulture));
            if (++count % 10_000 == 0) load.Progress?.Report(count);
            if (count % 10_000 == 0) cancellationToken.ThrowIfCancellationRequested();
        }
        foreach (var index in indexes) await ExecuteAsync(db, index.Create, cancellationToken);
        load.Progress?.Report(count);
        return count;
    }

    /// <summary>The table's non-unique indexes with the statements that build them again (the model has no filtered or
    /// descending index; the runtime model does not keep those settings to check).</summary>
    private static List<(string Name, string Create)> PlainIndexes(IEntityType entityType)
    {
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        return entityType.GetIndexes().Where(i => !i.IsUnique)
            .Select(i => (i.GetDatabaseName(table)!,
                $"CREATE INDEX \"{i.GetDatabaseName(table)}\" ON \"{table.Name}\" ({string.Join(", ", i.Properties.Select(p => $"\"{p.GetColumnName(table)}\""))})"))
            .ToList();
    }
}
