using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace CivicGrid.Data;

public static partial class BulkWriter
{
    /// <summary>PostgreSQL: one binary COPY of the rows, every column typed by its store type. Keys are written as given
    /// (COPY returns nothing), so a row whose store-generated key is left at its default is refused.</summary>
    private static async Task<long> CopyAsync<T>(NpgsqlConnection connection, IEntityType entityType, IEnumerable<T> rows,
        IProgress<long>? progress, CancellationToken cancellationToken) where T : class
    {
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var key = entityType.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } single] ? single : null;
        var columns = entityType.GetProperties().Select(p => (Property: p, p.GetTypeMapping().Converter,
            StoreType: Regex.Replace(p.GetColumnType(table), @"\(.*\)$", ""))).ToArray();
        var names = string.Join(", ", columns.Select(c => $"\"{c.Property.GetColumnName(table)}\""));
        await using var writer = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        long count = 0;
        foreach (var row in rows)
        {
            if (key is not null && Equals(key.GetGetter().GetClrValue(row), key.Sentinel))
                throw new InvalidOperationException($"{typeof(T).Name}: give each row its key; COPY cannot return generated ones.");
            await writer.StartRowAsync(cancellationToken);
            foreach (var (property, converter, storeType) in columns)
            {
                if (Value(property, converter, row) is { } value) await writer.WriteAsync(value, storeType, cancellationToken);
                else await writer.WriteNullAsync(cancellationToken);
            }
            if (++count % 10_000 == 0) progress?.Report(count);
        }
        await writer.CompleteAsync(cancellationToken);
        progress?.Report(count);
        return count;
    }

    /// <summary>The column's value as the provider stores it; instants in UTC (timestamptz takes no other offset).</summary>
    private static object? Value(IProperty property, ValueConverter? converter, object row)
    {
        var value = property.GetGetter().GetClrValue(row);
        if (value is not null && converter is not null) value = converter.ConvertToProvider(value);
        return value is DateTimeOffset instant ? instant.ToUniversalTime() : value;
    }
}
