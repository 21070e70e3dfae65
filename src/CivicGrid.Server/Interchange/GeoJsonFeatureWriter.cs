using System.Text.Encodings.Web;
using System.Text.Json;

namespace CivicGrid.Server.Interchange;

/// <summary>Writes a GeoJSON FeatureCollection one feature per line (so that the line numbers of a later import
/// point at single features), streaming to the file: memory does not grow with the number of features.</summary>
public sealed class GeoJsonFeatureWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly Utf8JsonWriter _writer;
    private bool _first = true;

    public GeoJsonFeatureWriter(Stream stream)
    {
        _stream = stream;
        _writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _stream.Write("{\"type\":\"FeatureCollection\",\"features\":[\n"u8);
    }

    /// <summary>Writes one feature: <paramref name="writeGeometry"/> writes the geometry value, <paramref name="writeProperties"/>
    /// the members of the properties object.</summary>
    public void Write<TState>(TState state, Action<Utf8JsonWriter, TState> writeGeometry, Action<Utf8JsonWriter, TState> writeProperties)
    {
        if (!_first) _stream.Write(",\n"u8);
        _first = false;
        _writer.Reset();
        _writer.WriteStartObject();
        _writer.WriteString("type"u8, "Feature"u8);
        _writer.WritePropertyName("geometry"u8);
        writeGeometry(_writer, state);
        _writer.WritePropertyName("properties"u8);
        _writer.WriteStartObject();
        writeProperties(_writer, state);
        _writer.WriteEndObject();
        _writer.WriteEndObject();
        _writer.Flush();
    }

    public void Dispose()
    {
        _stream.Write("\n]}\n"u8);
        _writer.Dispose();
        _stream.Dispose();
    }

    public static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null) writer.WriteString(name, value);
    }
}
