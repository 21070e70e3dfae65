using System.Reflection;
using System.Text.RegularExpressions;
using CivicGrid.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CivicGrid.Server.Seeding;

/// <summary>Inserts rows of a mapped entity as they are (ids included) without change tracking: a prepared statement
/// per table on SQLite, binary COPY on PostgreSQL. Columns, value conversions and store types come from the EF model,
/// so the rows land exactly as <c>SaveChanges</c> would write them. Runs in the context's current transaction.</summary>
internal static class DemoBulkInsert
{
    private sealed record Column(string Name, PropertyInfo Property, Func<object?, object?>? Convert, string StoreType);

    public static async Task InsertAsync<T>(CivicGridDbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.PropertyInfo is not null).Select(p => new Column(
            p.GetColumnName(table)!, p.PropertyInfo!, p.GetTypeMapping().Converter?.ConvertToProvider,
            Regex.Replace(p.GetColumnType(table), @"\(.*\)$", ""))).ToArray();
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        var connection = db.Database.GetDbConnection();
        if (connection is NpgsqlConnection npgsql)
        {
            await using var writer = await npgsql.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var row in rows)
            {
                await writer.StartRowAsync(cancellationToken);
                foreach (var column in columns)
                {
                    if (Value(column, row) is { } value) await writer.WriteAsync(value, column.StoreType, cancellationToken);
                    else await writer.WriteNullAsync(cancellationToken);
                }
            }

            await writer.CompleteAsync(cancellationToken);
            return;
        }

        await using var command = (SqliteCommand)connection.CreateCommand();
        command.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Length; i++) parameters[i].Value = Value(columns[i], row) ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static object? Value(Column column, object row)
    {
        var value = column.Property.GetValue(row);
        return value is null || column.Convert is null ? value : column.Convert(value);
    }
}
