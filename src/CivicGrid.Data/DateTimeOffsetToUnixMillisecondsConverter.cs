using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CivicGrid.Data;

/// <summary>Stores an instant as UTC milliseconds since 1970 so that SQLite can sort and compare it.</summary>
public sealed class DateTimeOffsetToUnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.ToUnixTimeMilliseconds(),
    value => DateTimeOffset.FromUnixTimeMilliseconds(value));
