using System.Text.Json;
using CivicGrid.Server.Features.Geography;
using NetTopologySuite.Geometries;

namespace CivicGrid.Server.Interchange;

/// <summary>One GeoJSON feature as a DOM, for the small imports (boundaries, grids) where convenience beats speed.
/// Every accessor adds a problem naming the property instead of throwing.</summary>
internal sealed class ParsedFeature : IDisposable
{
    private readonly JsonDocument _document;
    private readonly JsonElement _properties;
    private readonly List<string> _problems;

    private ParsedFeature(JsonDocument document, List<string> problems)
    {
        _document = document;
        _problems = problems;
        var root = document.RootElement;
        if (root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() != "Feature")
            problems.Add($"type: expected \"Feature\", got \"{type.GetString()}\"");
        if (root.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object) _properties = properties;
        else problems.Add("properties: missing");
    }

    public static ParsedFeature Parse(ReadOnlySpan<byte> json, List<string> problems) =>
        new(JsonDocument.Parse(json.ToArray()), problems);

    /// <summary>A text (or number, kept as written) property; null when absent, null or empty.</summary>
    public string? Text(string name, int maxLength = int.MaxValue)
    {
        if (_properties.ValueKind != JsonValueKind.Object || !_properties.TryGetProperty(name, out var value)) return null;
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.Null => null,
            _ => Problem<string>($"{name}: must be text"),
        };
        if (text is { Length: > 0 } && text.Length > maxLength) return Problem<string>($"{name}: longer than {maxLength} characters");
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    /// <summary>A true/false property (JSON boolean, or the text "true"/"false"/"1"/"0"); false when absent.</summary>
    public bool Flag(string name)
    {
        if (_properties.ValueKind != JsonValueKind.Object || !_properties.TryGetProperty(name, out var value)) return false;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null => false,
            JsonValueKind.String when value.GetString() is "true" or "1" => true,
            JsonValueKind.String when value.GetString() is "false" or "0" or "" => false,
            JsonValueKind.Number when value.GetRawText() is "1" or "0" => value.GetRawText() == "1",
            _ => Problem<bool>($"{name}: must be true or false"),
        };
    }

    /// <summary>The geometry, or null when the member is absent or null.</summary>
    public Geometry? Geometry()
    {
        if (!_document.RootElement.TryGetProperty("geometry", out var geometry) || geometry.ValueKind == JsonValueKind.Null) return null;
        try
        {
            return geometry.Deserialize<Geometry>(GeoJsonGeometry.Options);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return Problem<Geometry>($"geometry: not a valid GeoJSON geometry ({exception.Message})");
        }
    }

    public void Dispose() => _document.Dispose();

    private T? Problem<T>(string problem)
    {
        _problems.Add(problem);
        return default;
    }
}
