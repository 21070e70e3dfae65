using System.Text.Json;

namespace CivicGrid.Server.Interchange;

/// <summary>The line on which each element of the top-level arrays of a small JSON document starts, keyed
/// "member[index]" (e.g. "types[3]"), so that rejections of a catalogue JSON can name a line.</summary>
internal static class JsonEntryLines
{
    public static Dictionary<string, long> Find(byte[] json)
    {
        var lines = new Dictionary<string, long>();
        var reader = new Utf8JsonReader(json);
        string? member = null;
        var index = 0;
        long line = 1;
        var counted = 0;
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
            {
                member = reader.GetString();
                index = 0;
            }
            else if (reader.CurrentDepth == 2 && member is not null && reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray or JsonTokenType.PropertyName))
            {
                var start = (int)reader.TokenStartIndex;
                line += json.AsSpan(counted, start - counted).Count((byte)'\n');
                counted = start;
                lines[$"{member}[{index++}]"] = line;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
            }
        }
        return lines;
    }
}
