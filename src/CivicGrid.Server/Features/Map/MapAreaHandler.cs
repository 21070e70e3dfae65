using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using CivicGrid.Server.Platform.Errors;

namespace CivicGrid.Server.Features.Map;

/// <summary>GET /api/v1/map/areas: the areas of one level intersecting the viewport, as GeoJSON. More than
/// <see cref="MapOptions.MaxAreas"/> is refused (400 naming bbox): the client should zoom in or show a coarser level.</summary>
public static class MapAreaHandler
{
    public static async Task<Results<FileContentHttpResult, ValidationProblem>> Handle(
        string? level, string? bbox, string? zoom, MapAreas areas, IOptions<MapOptions> options, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var parsedLevel = MapAreaLevels.Parse(level, errors);
        var viewport = MapViewport.Parse(bbox, errors);
        var parsedZoom = MapViewport.ParseZoom(zoom, errors);
        errors.ThrowIfAny();

        var layer = await areas.LayerAsync(parsedLevel!.Value, cancellationToken);
        var hits = layer.Intersecting(viewport!.Value);
        var maxAreas = options.Value.MaxAreas;
        if (hits.Count > maxAreas)
        {
            throw FieldErrors.Invalid("bbox", $"The viewport holds {hits.Count:N0} areas of level {parsedLevel.Value.ToCode()}, more than {maxAreas:N0}: zoom in.");
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        await using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("type"u8, "FeatureCollection"u8);
            json.WriteString("level"u8, parsedLevel.Value.ToCode());
            if (parsedZoom is { } z) json.WriteNumber("zoom"u8, z);
            json.WriteNumber("count"u8, hits.Count);
            json.WriteStartArray("features"u8);
            foreach (var index in hits) json.WriteRawValue(layer.Feature(index, parsedZoom), skipInputValidation: true);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return TypedResults.Bytes(buffer.WrittenMemory.ToArray(), "application/geo+json");
    }
}
