using System.Text;
using System.Text.Json;

namespace CivicGrid.Server.Interchange;

/// <summary>Reads one GeoJSON Point feature into a <see cref="ComponentRow"/> with a forward-only
/// <see cref="Utf8JsonReader"/>: no DOM, no allocation beyond the property strings.</summary>
internal static class ComponentFeatureParser
{
    private static readonly byte[][] Names = ComponentColumns.All.Select(Encoding.UTF8.GetBytes).ToArray();

    public static void Parse(ReadOnlySpan<byte> feature, ComponentRow row)
    {
        row.Clear();
        var reader = new Utf8JsonReader(feature, isFinalBlock: true, default);
        reader.Read();
        var sawGeometry = false;
        var sawProperties = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("geometry"u8))
            {
                reader.Read();
                sawGeometry = true;
                ReadGeometry(ref reader, row);
            }
            else if (reader.ValueTextEquals("properties"u8))
            {
                reader.Read();
                sawProperties = true;
                ReadProperties(ref reader, row);
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                if (!(reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("Feature"u8)))
                    row.Problems.Add("type: expected \"Feature\"");
                reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (!sawGeometry) row.Problems.Add("geometry: a Point is required");
        if (!sawProperties) row.Problems.Add("properties: missing");
    }

    private static void ReadGeometry(ref Utf8JsonReader reader, ComponentRow row)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            row.Problems.Add("geometry: a Point is required");
            reader.Skip();
            return;
        }
        var isPoint = false;
        string? otherType = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                isPoint = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("Point"u8);
                if (!isPoint) otherType = reader.TokenType == JsonTokenType.String ? reader.GetString() : reader.TokenType.ToString();
                reader.Skip();
            }
            else if (reader.ValueTextEquals("coordinates"u8))
            {
                reader.Read();
                ReadPosition(ref reader, row);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (!isPoint) row.Problems.Add($"geometry: expected a Point, got {otherType ?? "no type"}");
        else if (row.Longitude is null || row.Latitude is null) row.Problems.Add("geometry: coordinates must be [longitude, latitude]");
    }

    private static void ReadPosition(ref Utf8JsonReader reader, ComponentRow row)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value))
            {
                if (index == 0) row.Longitude = value;
                else if (index == 1) row.Latitude = value;
            }
            else
            {
                reader.Skip();
            }
            index++;
        }
    }

    private static void ReadProperties(ref Utf8JsonReader reader, ComponentRow row)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            if (reader.TokenType != JsonTokenType.Null) row.Problems.Add("properties: must be an object");
            reader.Skip();
            return;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = Property(ref reader);
            reader.Read();
            string? value;
            switch (reader.TokenType)
            {
                case JsonTokenType.String: value = reader.GetString(); break;
                case JsonTokenType.Number: value = Encoding.UTF8.GetString(reader.ValueSpan); break;
                case JsonTokenType.True: value = "true"; break;
                case JsonTokenType.False: value = "false"; break;
                case JsonTokenType.Null: value = null; break;
                default:
                    reader.Skip();
                    if (property is not null) row.Problems.Add($"{property}: must be text or a number");
                    continue;
            }
            Assign(row, property, string.IsNullOrWhiteSpace(value) ? null : value);
        }
    }

    private static string? Property(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (reader.ValueTextEquals(Names[i])) return ComponentColumns.All[i];
        }
        return null;
    }

    internal static void Assign(ComponentRow row, string? property, string? value)
    {
        switch (property)
        {
            case "id": row.Id = value; break;
            case "type": row.Type = value; break;
            case "name": row.Name = value; break;
            case "crs": row.Crs = value; break;
            case "status": row.Status = value; break;
            case "grid": row.Grid = value; break;
            case "competent": row.Competent = value; break;
            case "owner": row.Owner = value; break;
            case "maintainer": row.Maintainer = value; break;
            case "source": row.Source = value; break;
            case "note": row.Note = value; break;
            case "createdAt": row.CreatedAt = value; break;
            case "changedAt": row.ChangedAt = value; break;
            default: break; // longitude/latitude come from the geometry; unknown properties are ignored
        }
    }
}
