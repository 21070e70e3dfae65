using CivicGrid.Server.Features.Geography;
using CivicGrid.Server.Platform.Auth;

namespace CivicGrid.Server.Features.Map;

/// <summary>The viewport API behind the live map: only what the visible part of the map needs, bounded in size,
/// answered from in-memory indexes (areas, components) or one range query (cases). Staff only; cases also within
/// the caller's data scope.</summary>
public static class MapEndpoints
{
    public static IEndpointRouteBuilder MapMapEndpoints(this IEndpointRouteBuilder app)
    {
        var map = app.MapGroup("/api/v1/map").WithTags("Map").RequireStaff(StaffAuthorization.AnyStaff);
        map.MapGet("/areas", MapAreaHandler.Handle).WithName("MapAreas")
            .WithSummary("GeoJSON FeatureCollection of the districts, streets, communities or unit grids intersecting bbox.")
            .WithDescription("level=district|street|community|grid, bbox=minLon,minLat,maxLon,maxLat (WGS-84), optional zoom (0–22) simplifies the boundaries to about a pixel. More than 5,000 areas → 400 (zoom in).");
        map.MapGet("/components", MapComponentHandler.Handle).WithName("MapComponents")
            .WithSummary("Components in bbox: clusters at low zoom, points at high zoom; at most 2,000 items.")
            .WithDescription("bbox=minLon,minLat,maxLon,maxLat, zoom=0–22, optional types=01001,01003.");
        map.MapGet("/cases", MapCaseHandler.Handle).WithName("MapCases")
            .WithSummary("Cases in bbox within the caller's data scope, with their deadline light; at most 2,000, newest first.")
            .WithDescription("bbox, optional status=open|all (default open), types=06010,…, department=id, light=green|yellow|red.");
        app.MapGet("/api/public/basemap", BasemapHandler.Handle).WithTags("Map").WithName("PublicBasemap").AllowAnonymous()
            .RequireRateLimiting(PlaceLookupLimits.Policy)
            .WithSummary("The city drawn from its own model for a viewport: water, boundaries, named roads, landmarks and labels by zoom.")
            .WithDescription("bbox=minLon,minLat,maxLon,maxLat (WGS-84), zoom=0–22. Used by every map when no Map:TileUrl is configured; cacheable for 5 minutes.");
        return app;
    }
}
