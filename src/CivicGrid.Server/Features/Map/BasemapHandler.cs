using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using CivicGrid.Server.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using NetTopologySuite.Geometries;

namespace CivicGrid.Server.Features.Map;

/// <summary>GET /api/public/basemap: the city drawn from its own model for the viewport and zoom, as one GeoJSON
/// FeatureCollection: water, the boundaries of the zoom's area level (kind "area", with level), roads and landmarks,
/// then label points (kind "label", with "for": road, district, street or community). Public (the citizen pages use
/// it), cacheable for five minutes: the geography changes rarely.</summary>
public static class BasemapHandler
{
    public static async Task<FileContentHttpResult> Handle(
        string? bbox, string? zoom, HttpContext http, Basemap basemap, MapAreas areas, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var viewport = MapViewport.Parse(bbox, errors);
        var parsedZoom = MapViewport.ParseZoom(zoom, errors);
        if (parsedZoom is null && !errors.Has("zoom")) errors.Add("zoom", $"zoom is required: a number from 0 to {MapViewport.MaxZoom}.");
        errors.ThrowIfAny();
        var (box, z) = (viewport!.Value, parsedZoom!.Value);

        var layer = await basemap.LayerAsync(cancellationToken);
        var areaLayer = await areas.LayerAsync(BasemapZoom.AreaLevel(z), cancellationToken);
        var features = layer.Intersecting(box, z).ToList();
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        await using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("type"u8, "FeatureCollection"u8);
            json.WriteNumber("zoom"u8, z);
            json.WriteStartArray("features"u8);
            foreach (var index in features.Where(i => layer[i].Kind == Domain.Geography.BasemapFeatureKind.Water))
                json.WriteRawValue(layer.Feature(index, z), skipInputValidation: true);
            foreach (var index in areaLayer.Intersecting(box)) json.WriteRawValue(areaLayer.Feature(index, z), skipInputValidation: true);
            foreach (var index in features.Where(i => layer[i].Kind != Domain.Geography.BasemapFeatureKind.Water))
                json.WriteRawValue(layer.Feature(index, z), skipInputValidation: true);
            foreach (var (unit, point) in layer.UnitLabels(BasemapZoom.UnitLevel(z), box))
                WriteLabel(json, point, BasemapZoom.AreaLevel(z).ToCode(), unit.Name);
            foreach (var index in features.Where(i => layer[i].Kind == Domain.Geography.BasemapFeatureKind.Road))
            {
                if (layer.RoadLabel(index, box) is { } point) WriteLabel(json, point, "road", layer[index].Name);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        http.Response.Headers[HeaderNames.CacheControl] = "public, max-age=300";
        return TypedResults.Bytes(buffer.WrittenMemory.ToArray(), "application/geo+json");
    }

    private static void WriteLabel(Utf8JsonWriter json, Point point, string target, string name)
    {
        json.WriteStartObject();
        json.WriteString("type"u8, "Feature"u8);
        json.WritePropertyName("geometry"u8);
        MapGeoJson.WriteGeometry(json, point);
        json.WritePropertyName("properties"u8);
        json.WriteStartObject();
        json.WriteString("kind"u8, "label");
        json.WriteString("for"u8, target);
        json.WriteString("name"u8, name);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
