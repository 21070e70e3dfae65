using System.Text;
using System.Text.Json;
using CivicGrid.Server.Platform.Csv;

namespace CivicGrid.Server.Interchange;

/// <summary>
/// Streams the features of a GeoJSON FeatureCollection one at a time with a <see cref="Utf8JsonReader"/> over a
/// growing buffer: the document is never deserialized as a whole, so a file of millions of features needs only
/// the memory of its largest feature. Each <see cref="Read"/> exposes the raw UTF-8 bytes of the next feature,
/// its 1-based index and the line it starts on. Members of the collection other than "type" and "features"
/// (bbox, name, crs …) are skipped.
/// </summary>
public sealed class GeoJsonFeatureReader : IDisposable
{
    private enum Phase { BeforeRoot, InRoot, TypeValue, FeaturesValue, SkipValue, InFeatures, Done }

    private enum Step { Feature, NeedMore, End }

    private readonly Stream _stream;
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _final;
    private JsonReaderState _state;
    private Phase _phase = Phase.BeforeRoot;
    private string? _collectionType;
    private bool _sawFeatures;
    private int _featureStart;
    private int _featureLength;
    private int _countedTo;
    private long _lineAtCounted = 1;
    private long _discarded;

    public GeoJsonFeatureReader(Stream stream)
    {
        _stream = stream;
        Fill();
        if (_end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF) _start = _countedTo = 3;
    }

    /// <summary>1-based index of the current feature.</summary>
    public int FeatureIndex { get; private set; }

    /// <summary>1-based line on which the current feature starts.</summary>
    public long FeatureLine { get; private set; }

    /// <summary>The current feature's UTF-8 text; valid until the next <see cref="Read"/>.</summary>
    public ReadOnlySpan<byte> Feature => _buffer.AsSpan(_featureStart, _featureLength);

    /// <summary>The current feature's text as a string (for rejects files).</summary>
    public string FeatureText => Encoding.UTF8.GetString(Feature);

    /// <summary>Bytes of the file consumed so far, for progress.</summary>
    public long Position => _discarded + _start;

    /// <summary>Moves to the next feature; false at the end of the collection.</summary>
    /// <exception cref="ImportFileException">The file is not JSON or not a FeatureCollection.</exception>
    public bool Read()
    {
        try
        {
            while (true)
            {
                switch (Advance())
                {
                    case Step.Feature: return true;
                    case Step.End: return false;
                    default: Fill(); break;
                }
            }
        }
        catch (JsonException exception)
        {
            throw new ImportFileException($"The file is not valid JSON (line {exception.LineNumber + 1}): {exception.Message}", exception);
        }
    }

    public void Dispose() => _stream.Dispose();

    private Step Advance()
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        while (true)
        {
            if (_phase == Phase.Done) return Finish();
            var checkpoint = reader.BytesConsumed;
            var checkpointState = reader.CurrentState;
            if (!reader.Read()) return _final ? throw NotACollection("the file ends before the FeatureCollection does") : Rewind(checkpoint, checkpointState);
            switch (_phase)
            {
                case Phase.BeforeRoot:
                    if (reader.TokenType != JsonTokenType.StartObject) throw NotACollection("the file does not start with a JSON object");
                    _phase = Phase.InRoot;
                    break;
                case Phase.InRoot when reader.TokenType == JsonTokenType.EndObject:
                    _phase = Phase.Done;
                    break;
                case Phase.InRoot:
                    _phase = reader.ValueTextEquals("type"u8) ? Phase.TypeValue
                        : reader.ValueTextEquals("features"u8) ? Phase.FeaturesValue
                        : Phase.SkipValue;
                    break;
                case Phase.TypeValue:
                    _collectionType = reader.TokenType == JsonTokenType.String ? reader.GetString() : reader.TokenType.ToString();
                    if (_collectionType != "FeatureCollection") throw NotACollection($"its \"type\" is \"{_collectionType}\"");
                    _phase = Phase.InRoot;
                    break;
                case Phase.FeaturesValue:
                    if (reader.TokenType != JsonTokenType.StartArray) throw NotACollection("\"features\" is not an array");
                    _sawFeatures = true;
                    _phase = Phase.InFeatures;
                    break;
                case Phase.SkipValue:
                    if (!reader.TrySkip()) return Rewind(checkpoint, checkpointState);
                    _phase = Phase.InRoot;
                    break;
                case Phase.InFeatures when reader.TokenType == JsonTokenType.EndArray:
                    _phase = Phase.InRoot;
                    break;
                case Phase.InFeatures when reader.TokenType == JsonTokenType.StartObject:
                    var tokenStart = (int)reader.TokenStartIndex;
                    if (!reader.TrySkip()) return Rewind(checkpoint, checkpointState);
                    _featureStart = _start + tokenStart;
                    _featureLength = (int)reader.BytesConsumed - tokenStart;
                    FeatureIndex++;
                    FeatureLine = LineAt(_featureStart);
                    _start += (int)reader.BytesConsumed;
                    _state = reader.CurrentState;
                    return Step.Feature;
                default:
                    throw NotACollection($"feature {FeatureIndex + 1} is not a JSON object");
            }
        }
    }

    private Step Finish()
    {
        if (_collectionType is null) throw NotACollection("it has no \"type\": \"FeatureCollection\"");
        if (!_sawFeatures) throw NotACollection("it has no \"features\" array");
        return Step.End;
    }

    private Step Rewind(long consumed, JsonReaderState state)
    {
        _start += (int)consumed;
        _state = state;
        return Step.NeedMore;
    }

    private void Fill()
    {
        if (_final) throw NotACollection("the file ends before the FeatureCollection does");
        LineAt(_start);
        var kept = _end - _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, kept);
            _discarded += _start;
            _countedTo -= _start;
            _start = 0;
            _end = kept;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _final = true;
        _end += read;
    }

    /// <summary>The 1-based line of a buffer offset at or after the last one asked for (newlines counted once).</summary>
    private long LineAt(int offset)
    {
        _lineAtCounted += _buffer.AsSpan(_countedTo, offset - _countedTo).Count((byte)'\n');
        _countedTo = offset;
        return _lineAtCounted;
    }

    private static ImportFileException NotACollection(string why) =>
        new($"The file is not a GeoJSON FeatureCollection: {why}.");
}
