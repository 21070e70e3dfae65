namespace CivicGrid.Server.Interchange;

/// <summary>One rejected row or feature.</summary>
/// <param name="Line">Physical line (1-based) where the row or feature starts, when known.</param>
/// <param name="Item">Which item of the file: "record 3" (CSV), "feature 3" (GeoJSON), "types[3]" (catalogue JSON).</param>
/// <param name="Reason">Why, naming the field: "id: …; type: …".</param>
/// <param name="Original">The row or feature exactly as it appears in the file.</param>
public sealed record ImportRejection(long? Line, string Item, string Reason, string Original)
{
    public override string ToString() => Line is { } line ? $"line {line} ({Item}): {Reason}" : $"{Item}: {Reason}";
}
