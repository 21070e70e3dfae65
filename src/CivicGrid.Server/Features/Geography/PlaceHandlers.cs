using CivicGrid.Domain.Geography;
using CivicGrid.Server.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Server.Features.Geography;

/// <summary>GET /api/public/places/address (reverse geocoding) and GET /api/public/places (search by name).</summary>
public static class PlaceHandlers
{
    public const int MaxQueryLength = 50;
    public const int MaxResults = 10;

    public static async Task<Results<Ok<PlaceAddress>, ValidationProblem, ProblemHttpResult>> Address(
        string? lat, string? lon, string? crs, CityPlaces places, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var latitude = GeographyEndpoints.ParseCoordinate(lat, "lat", -90, 90, errors);
        var longitude = GeographyEndpoints.ParseCoordinate(lon, "lon", -180, 180, errors);
        var system = CoordinateSystem.Wgs84;
        if (!string.IsNullOrEmpty(crs) && !CoordinateSystems.TryParse(crs, out system))
            errors.Add("crs", $"Unknown coordinate system '{crs}'; use wgs84, gcj02 or bd09.");
        errors.ThrowIfAny();

        var wgs84 = CoordinateConverter.Convert(new GeoPoint(longitude, latitude), system, CoordinateSystem.Wgs84);
        var snapshot = await places.GetSnapshotAsync(cancellationToken);
        if (snapshot.Describe(wgs84.Longitude, wgs84.Latitude) is not { } address)
        {
            return TypedResults.Problem(title: "Outside the city",
                detail: $"The point {wgs84.Latitude:F6}, {wgs84.Longitude:F6} (WGS-84) lies outside every unit grid and community of the city: it has no address here.",
                statusCode: StatusCodes.Status404NotFound);
        }
        return TypedResults.Ok(address with { Longitude = Math.Round(address.Longitude, 7), Latitude = Math.Round(address.Latitude, 7) });
    }

    public sealed record SearchResponse(string Query, IReadOnlyList<PlaceMatch> Places);

    public static async Task<Ok<SearchResponse>> Search(string? q, CityPlaces places, CancellationToken cancellationToken)
    {
        var query = q?.Trim() ?? "";
        if (query.Length == 0) throw FieldErrors.Invalid("q", "q is required: part of the name of a road, community or landmark.");
        if (query.Length > MaxQueryLength) throw FieldErrors.Invalid("q", $"q is at most {MaxQueryLength} characters.");
        var snapshot = await places.GetSnapshotAsync(cancellationToken);
        return TypedResults.Ok(new SearchResponse(query, snapshot.Search(query, MaxResults)));
    }
}
