using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CivicGrid.Data;

public static partial class BulkWriter
{
    /// <summary>SQLite only: the first id free in <typeparamref name="T"/>'s AUTOINCREMENT table (never one a deleted row had): the
    /// caller may give the next rows that id and the ones after it while it holds SQLite's write lock (an open write
    /// transaction that has written), until the rows are in.</summary>
    public static async Task<long> NextIdAsync<T>(DbContext db, CancellationToken cancellationToken) where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        var table = db.Model.FindEntityType(typeof(T))?.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var command = Cached(db, ("next id", table), () =>
        {
            var created = Command(db, $"""
                SELECT max(coalesce((SELECT "seq" FROM "sqlite_sequence" WHERE "name" = $table), 0),
                           coalesce((SELECT max(rowid) FROM "{table}"), 0))
                """);
            created.Parameters.AddWithValue("$table", table);
            return created;
        });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! + 1;
    }

    /// <summary>SQLite only: inserts the rows the context tracks as added (what step observers put there), principals
    /// first, and marks them saved. False, with nothing written, when the context tracks an update or a delete: then SaveChanges
    /// must do it.</summary>
    public static bool TryInsertTracked(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Rows read in the step (a duplicate candidate) are tracked unchanged and need no write.
        var entries = db.ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged).ToList();
        if (entries.Count == 0) return true;
        if (entries.Any(e => e.State != EntityState.Added || e.Metadata.GetProperties().Any(p => p.IsShadowProperty())
            || e.Metadata.GetForeignKeys().Any(fk => fk.PrincipalEntityType == e.Metadata)))
        {
            return false; // an update or delete, a shadow column, or rows of one type that may point at each other
        }
        var groups = entries.GroupBy(e => e.Metadata).ToList();
        var ordered = new List<IGrouping<IEntityType, Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry>>();
        while (groups.Count > 0)
        {
            // A type goes after every other pending type its foreign keys point at.
            var next = groups.FirstOrDefault(g => !g.Key.GetForeignKeys().Any(fk => groups.Any(o => o != g && o.Key == fk.PrincipalEntityType)));
            if (next is null) return false;
            ordered.Add(next);
            groups.Remove(next);
        }
        foreach (var group in ordered)
        {
            var key = group.Key.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } single] ? single : null;
            var generated = group.Where(e => key is not null && e.Property(key.Name).IsTemporary).ToList();
            var given = group.Except(generated).ToList();
            if (generated.Count > 0)
            {
                var insert = Statement.For(db, group.Key, key);
                foreach (var entry in generated) entry.Property(key!.Name).CurrentValue = insert.Write(entry.Entity);
            }
            if (given.Count > 0)
            {
                var insert = Statement.For(db, group.Key, generatedKey: null);
                foreach (var entry in given) insert.Write(entry.Entity);
            }
        }
        db.ChangeTracker.AcceptAllChanges();
        return true;
    }

    // Per connection object (a pooled context keeps its own): the commands made for it, by what they do.
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<object, object>> Commands = new();

    /// <summary>The command kept for this connection under <paramref name="key"/>, made by <paramref name="create"/> the
    /// first time, bound to the context's current transaction.</summary>
    private static T Cached<T>(DbContext db, object key, Func<T> create) where T : class
    {
        var kept = Commands.GetValue(Connection(db), _ => []);
        if (!kept.TryGetValue(key, out var found)) kept[key] = found = create();
        var command = found as SqliteCommand ?? ((Statement)found).Command;
        command.Transaction = Transaction(db);
        return (T)found;
    }

    private static SqliteConnection Connection(DbContext db) => db.Database.GetDbConnection() as SqliteConnection
        ?? throw new InvalidOperationException("This bulk write needs a SQLite connection.");

    private static SqliteTransaction Transaction(DbContext db) => db.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction
        ?? throw new InvalidOperationException("The bulk writer writes inside an open transaction only.");

    private static async Task<long> RowCountAsync(DbContext db, IEntityType entityType, CancellationToken cancellationToken)
    {
        await using var command = Command(db, $"SELECT COALESCE(MAX(rowid), 0) FROM \"{entityType.GetTableName()}\"");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbContext db, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(db, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static SqliteCommand Command(DbContext db, string sql)
    {
        var command = Connection(db).CreateCommand();
        command.Transaction = Transaction(db);
        command.CommandText = sql;
        return command;
    }

    /// <summary>One prepared INSERT of one entity type: the columns of its properties (the generated key left out and
    /// returned), each bound through the property's value converter.</summary>
    private sealed class Statement
    {
        private readonly SqliteCommand _command;
        private readonly (IProperty Property, ValueConverter? Converter, DbParameter Parameter)[] _columns;
        private readonly bool _returnsKey;

        public bool ReturnsKey => _returnsKey;

        private Statement(SqliteCommand command, (IProperty, ValueConverter?, DbParameter)[] columns, bool returnsKey) =>
            (_command, _columns, _returnsKey) = (command, columns, returnsKey);

        public SqliteCommand Command => _command;

        public static Statement For(DbContext db, IEntityType entityType, IProperty? generatedKey) =>
            Cached(db, (entityType, generatedKey), () => Create(db, entityType, generatedKey));

        private static Statement Create(DbContext db, IEntityType entityType, IProperty? generatedKey)
        {
            var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            var properties = entityType.GetProperties().Where(p => p != generatedKey).ToList();
            var names = properties.Select(p => "\"" + p.GetColumnName(table) + "\"");
            var values = properties.Select((_, i) => "$p" + i);
            var sql = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", names)}) VALUES ({string.Join(", ", values)})"
                + (generatedKey is null ? "" : $" RETURNING \"{generatedKey.GetColumnName(table)}\"");
            var command = BulkWriter.Command(db, sql);
            var columns = properties.Select((p, i) =>
            {
                var mapping = (RelationalTypeMapping)p.GetTypeMapping();
                return (p, mapping.Converter, mapping.CreateParameter(command, "$p" + i, null, p.IsNullable));
            }).ToArray();
            command.Parameters.AddRange(columns.Select(c => c.Item3).ToArray());
            command.Prepare();
            return new Statement(command, columns, generatedKey is not null);
        }

        /// <summary>Writes one row; returns the generated key, or 0 when the key was given.</summary>
        public long Write(object row)
        {
            foreach (var (property, converter, parameter) in _columns)
            {
                var value = property.GetGetter().GetClrValue(row);
                if (value is not null && converter is not null) value = converter.ConvertToProvider(value);
                parameter.Value = value ?? DBNull.Value;
            }
            if (!_returnsKey)
            {
                _command.ExecuteNonQuery();
                return 0;
            }
            return Convert.ToInt64(_command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
