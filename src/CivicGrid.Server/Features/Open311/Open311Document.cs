namespace CivicGrid.Server.Features.Open311;

/// <summary>A response body independent of its format: GeoReport v2 answers the same tree as JSON or XML, so each
/// handler builds this once and <see cref="Open311Result"/> renders it. In XML a list's items are named by
/// <see cref="Open311List.ItemName"/> (service_requests → request); in JSON a list is a bare array.</summary>
public abstract record Open311Node;

/// <summary>A string, number, boolean or null. Dates are pre-formatted strings (<see cref="Open311Dates"/>).</summary>
public sealed record Open311Value(object? Value) : Open311Node;

public sealed record Open311Object(IReadOnlyList<KeyValuePair<string, Open311Node>> Fields) : Open311Node
{
    /// <summary>Builds an object from (name, value) pairs; a value that is not already a node becomes an <see cref="Open311Value"/>.</summary>
    public static Open311Object Of(params (string Name, object? Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, Open311Node>(f.Name, f.Value as Open311Node ?? new Open311Value(f.Value))).ToList());

    public Open311Object With(params (string Name, object? Value)[] more) =>
        new(Fields.Concat(Of(more).Fields).ToList());
}

public sealed record Open311List(string ItemName, IReadOnlyList<Open311Node> Items) : Open311Node;

/// <summary>A whole body: the XML root element's name and the tree under it.</summary>
public sealed record Open311Document(string RootName, Open311Node Root);
