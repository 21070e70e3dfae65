using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CivicGrid.Data;

/// <summary>Reads a column of a plain ADO.NET query as the EF model's property would: the provider's value (SQLite
/// gives every integer as a long) converted to the property's stored type, then through its value converter (enums
/// stored as text or numbers, instants as unix ms).</summary>
public static class ModelValues
{
    public static object? Read(DbDataReader reader, int ordinal, IProperty property)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(property);
        if (reader.IsDBNull(ordinal)) return null;
        var converter = property.GetTypeMapping().Converter;
        var stored = converter?.ProviderClrType ?? property.ClrType;
        stored = Nullable.GetUnderlyingType(stored) ?? stored;
        var raw = reader.GetValue(ordinal);
        var value = raw.GetType() == stored ? raw
            : stored.IsEnum ? Enum.ToObject(stored, raw)
            : Convert.ChangeType(raw, stored, CultureInfo.InvariantCulture);
        return converter is null ? value : converter.ConvertFromProvider(value);
    }
}
