using System.Globalization;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Server.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Server.Features.PublicService;

/// <summary>The anonymous API of the public case page and of the nearby reports on the report form: thin wrappers
/// over <see cref="PublicCases"/> and <see cref="NearbyReports"/>.</summary>
public static class PublicCaseHandlers
{
    public static async Task<Results<Ok<PublicCaseDetails>, ProblemHttpResult>> Get(
        string number, PublicCases cases, CancellationToken cancellationToken) =>
        await cases.FindAsync(number, cancellationToken) is { } details
            ? TypedResults.Ok(details)
            : TypedResults.Problem(title: "Not found", detail: "There is no such case.", statusCode: StatusCodes.Status404NotFound);

    /// <summary>GET /api/public/nearby?lon=&amp;lat=&amp;kind=matter&amp;typeCode=06010[&amp;radius=150]: open reports of
    /// the type within the radius (metres, at most <see cref="NearbyReports.MaxRadiusMetres"/>), nearest first.</summary>
    public static async Task<Results<Ok<NearbyReports.NearbyPage>, ValidationProblem>> Nearby(
        string? lon, string? lat, string? kind, string? typeCode, string? radius, NearbyReports nearby, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var longitude = Number(lon, "lon", -180, 180, errors);
        var latitude = Number(lat, "lat", -90, 90, errors);
        if (!Enum.TryParse<CatalogueKind>(kind, ignoreCase: true, out var parsedKind) || !Enum.IsDefined(parsedKind) || int.TryParse(kind, out _))
            errors.Add("kind", "kind must be component or matter.");
        if (string.IsNullOrWhiteSpace(typeCode) || typeCode.Length > 16) errors.Add("typeCode", "typeCode is required (a catalogue type code, e.g. 06010).");
        var metres = NearbyReports.DefaultRadiusMetres;
        if (!string.IsNullOrEmpty(radius) && (!int.TryParse(radius, NumberStyles.None, CultureInfo.InvariantCulture, out metres)
            || metres is < 10 or > NearbyReports.MaxRadiusMetres))
            errors.Add("radius", $"radius must be a whole number of metres from 10 to {NearbyReports.MaxRadiusMetres}.");
        errors.ThrowIfAny();
        return TypedResults.Ok(await nearby.FindAsync(longitude, latitude, parsedKind, typeCode!, metres, cancellationToken));
    }

    private static double Number(string? text, string field, double min, double max, FieldErrors errors)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= min && value <= max)
            return value;
        errors.Add(field, $"{field} is required, a number from {min} to {max} (WGS-84).");
        return 0;
    }
}
