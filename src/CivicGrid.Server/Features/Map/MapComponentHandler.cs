using Microsoft.AspNetCore.Http.HttpResults;
using CivicGrid.Server.Platform.Errors;

namespace CivicGrid.Server.Features.Map;

/// <summary>GET /api/v1/map/components: clusters or points of the viewport from the in-memory <see cref="ComponentIndex"/>.</summary>
public static class MapComponentHandler
{
    public static async Task<Results<Ok<MapComponents>, ValidationProblem>> Handle(
        string? bbox, string? zoom, string? types, ComponentMap map, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var viewport = MapViewport.Parse(bbox, errors);
        var parsedZoom = MapViewport.ParseZoom(zoom, errors);
        if (parsedZoom is null && !errors.Has("zoom")) errors.Add("zoom", $"zoom is required: the map's zoom level, 0 to {MapViewport.MaxZoom}.");
        var typeCodes = MapViewport.ParseTypes(types, errors);
        errors.ThrowIfAny();

        var index = await map.GetAsync(cancellationToken);
        return TypedResults.Ok(index.Query(viewport!.Value, parsedZoom!.Value, typeCodes));
    }
}
