using System.Text.Json;
using CivicGrid.Server.Features.Geography;
using NetTopologySuite.Geometries;

namespace CivicGrid.Server.Features.Map;

/// <summary>GeoJSON geometries for the map, coordinates rounded to 6 decimals (≈ 0.1 m): a third of the bytes of
/// full-precision doubles, and finer than any screen pixel up to zoom 22.</summary>
public static class MapGeoJson
{
    public static void WriteGeometry(Utf8JsonWriter json, Geometry geometry)
    {
        switch (geometry)
        {
            case Polygon polygon:
                json.WriteStartObject();
                json.WriteString("type"u8, "Polygon"u8);
                json.WritePropertyName("coordinates"u8);
                WriteRings(json, polygon);
                json.WriteEndObject();
                break;
            case MultiPolygon multi:
                json.WriteStartObject();
                json.WriteString("type"u8, "MultiPolygon"u8);
                json.WritePropertyName("coordinates"u8);
                json.WriteStartArray();
                for (var i = 0; i < multi.NumGeometries; i++) WriteRings(json, (Polygon)multi.GetGeometryN(i));
                json.WriteEndArray();
                json.WriteEndObject();
                break;
            default:
                JsonSerializer.Serialize(json, geometry, GeoJsonGeometry.Options);
                break;
        }
    }

    private static void WriteRings(Utf8JsonWriter json, Polygon polygon)
    {
        json.WriteStartArray();
        WriteRing(json, polygon.Shell);
        foreach (var hole in polygon.Holes) WriteRing(json, hole);
        json.WriteEndArray();
    }

    private static void WriteRing(Utf8JsonWriter json, LineString ring)
    {
        json.WriteStartArray();
        var sequence = ring.CoordinateSequence;
        for (var i = 0; i < sequence.Count; i++)
        {
            json.WriteStartArray();
            json.WriteNumberValue(Math.Round(sequence.GetX(i), 6));
            json.WriteNumberValue(Math.Round(sequence.GetY(i), 6));
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }
}
