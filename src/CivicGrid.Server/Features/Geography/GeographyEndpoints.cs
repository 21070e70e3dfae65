using CivicGrid.Domain.Geography;
using Microsoft.AspNetCore.Http.HttpResults;
using CivicGrid.Server.Platform.Errors;

namespace CivicGrid.Server.Features.Geography;

public static class GeographyEndpoints
{
    public static IEndpointRouteBuilder MapGeographyEndpoints(this IEndpointRouteBuilder app)
    {
        var grids = app.MapGroup("/api/v1/grids").WithTags("Geography").AllowAnonymous(); // public: the citizen report page locates too
        grids.MapGet("/locate", Locate)
            .WithName("LocateGrid")
            .WithSummary("Finds the unit grid and the community, street and district of a point.")
            .WithDescription("crs is the coordinate system of lat/lon: wgs84 (GPS, Tianditu; CGCS2000 is equivalent), gcj02 (AMap, Tencent, WeChat) or bd09 (Baidu). The answer's position is WGS-84.");
        var places = app.MapGroup("/api/public/places").WithTags("Public service").AllowAnonymous()
            .RequireRateLimiting(PlaceLookupLimits.Policy);
        places.MapGet("/address", PlaceHandlers.Address).WithName("PublicPlaceAddress")
            .WithSummary("The address of a point from the city model: community · street · district and the nearest named road.")
            .WithDescription("lat, lon, optional crs (wgs84, gcj02, bd09). A point outside the city answers 404.");
        places.MapGet("/", PlaceHandlers.Search).WithName("PublicPlaceSearch")
            .WithSummary("Roads, landmarks, communities, streets and districts whose name contains q; at most 10, best first.");
        return app;
    }

    public sealed record LocateResponse(
        string? GridCode, UnitRef Community, UnitRef Street, UnitRef District, double Longitude, double Latitude, string Crs);

    private static async Task<Results<Ok<LocateResponse>, ValidationProblem, ProblemHttpResult>> Locate(
        string? lat, string? lon, string? crs, GridLocator locator, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var latitude = ParseCoordinate(lat, "lat", -90, 90, errors);
        var longitude = ParseCoordinate(lon, "lon", -180, 180, errors);
        var system = CoordinateSystem.Wgs84;
        if (!string.IsNullOrEmpty(crs) && !CoordinateSystems.TryParse(crs, out system))
            errors.Add("crs", $"Unknown coordinate system '{crs}'; use wgs84, gcj02 or bd09.");
        errors.ThrowIfAny();

        var wgs84 = CoordinateConverter.Convert(new GeoPoint(longitude, latitude), system, CoordinateSystem.Wgs84);
        var location = await locator.LocateAsync(wgs84.Longitude, wgs84.Latitude, cancellationToken);
        if (location is null)
        {
            return TypedResults.Problem(
                title: "Outside every unit grid",
                detail: $"The point {wgs84.Latitude:F6}, {wgs84.Longitude:F6} (WGS-84) lies outside every unit grid and community of the city.",
                statusCode: StatusCodes.Status404NotFound);
        }
        return TypedResults.Ok(new LocateResponse(location.GridCode, location.Community, location.Street, location.District,
            Math.Round(wgs84.Longitude, 7), Math.Round(wgs84.Latitude, 7), CoordinateSystem.Wgs84.ToCode()));
    }

    internal static double ParseCoordinate(string? text, string field, double min, double max, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, $"{field} is required.");
            return double.NaN;
        }
        if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            errors.Add(field, $"{field} must be a decimal number of degrees.");
            return double.NaN;
        }
        if (value < min || value > max) errors.Add(field, $"{field} must be between {min} and {max}.");
        return value;
    }
}
