using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Geography;
using CivicGrid.Server.Platform.Errors;

namespace CivicGrid.Server.Features.Cases;

public sealed partial class CaseIntake
{
    public const int MaxDescriptionLength = 4000;

    private async Task<ReportDetails> ValidateAsync(IntakeRequest r, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        void Error(string field, string message) => errors.Add(field, message);

        if (string.IsNullOrWhiteSpace(r.Description)) Error("description", "description is required: describe the problem.");
        else if (r.Description.Length > MaxDescriptionLength) Error("description", $"description is at most {MaxDescriptionLength} characters.");
        if (r.Latitude is not { } lat || !double.IsFinite(lat) || lat is < -90 or > 90) Error("latitude", "latitude is required, between -90 and 90.");
        if (r.Longitude is not { } lon || !double.IsFinite(lon) || lon is < -180 or > 180) Error("longitude", "longitude is required, between -180 and 180.");
        var crs = CoordinateSystem.Wgs84;
        if (!string.IsNullOrEmpty(r.Crs) && !CoordinateSystems.TryParse(r.Crs, out crs)) Error("crs", "crs must be wgs84, gcj02 or bd09.");
        CatalogueKind? kind = null;
        if (!string.IsNullOrEmpty(r.TypeCode))
        {
            kind = string.Equals(r.Kind, "component", StringComparison.OrdinalIgnoreCase) ? CatalogueKind.Component : CatalogueKind.Matter;
            if (!string.IsNullOrEmpty(r.Kind) && !string.Equals(r.Kind, "component", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(r.Kind, "matter", StringComparison.OrdinalIgnoreCase)) Error("kind", "kind must be matter or component.");
            else if (!await types.IsActiveAsync(db, kind.Value, r.TypeCode, cancellationToken))
                Error("typeCode", $"typeCode {r.TypeCode} is not a {kind?.ToString().ToLowerInvariant()} type offered for reports (an active type of the catalogue with a case standard).");
        }
        if (!string.IsNullOrEmpty(r.ComponentId) && !ComponentId.TryParse(r.ComponentId, out _)) Error("componentId", "componentId must be a 17-digit component identifier.");
        if (r.ReporterEmail is { Length: > 254 } || (r.ReporterEmail is { Length: > 0 } email && !email.Contains('@', StringComparison.Ordinal))) Error("reporterEmail", "reporterEmail is not an e-mail address.");
        if (r.ReporterPhone is { Length: > 32 }) Error("reporterPhone", "reporterPhone is at most 32 characters.");
        if (r.ReporterName is { Length: > 64 }) Error("reporterName", "reporterName is at most 64 characters.");
        if (r.Address is { Length: > 256 }) Error("address", "address is at most 256 characters.");
        if (errors.Count > 0) throw new IntakeValidationException(errors.ToDictionary());

        var wgs84 = CoordinateConverter.Convert(new GeoPoint(r.Longitude!.Value, r.Latitude!.Value), crs, CoordinateSystem.Wgs84);
        var location = await locator.LocateAsync(wgs84.Longitude, wgs84.Latitude, cancellationToken)
            ?? throw new IntakeValidationException(FieldErrors.One("latitude", "The position lies outside every unit grid and community of the city."));
        var builtUp = location.IsBuiltUp;
        // A report without an address gets the city model's (e.g. "龙华区德瑞街道东山社区 · 龙昆南路附近"): an in-memory look-up.
        var address = string.IsNullOrWhiteSpace(r.Address)
            ? (await places.GetSnapshotAsync(cancellationToken)).Describe(location, wgs84.Longitude, wgs84.Latitude).Address
            : r.Address;
        return new ReportDetails(r.Channel, r.Description!.Trim(), wgs84.Longitude, wgs84.Latitude, location.GridCode,
            location.Community.Code, location.Street.Code, location.District.Code, builtUp, kind, string.IsNullOrEmpty(r.TypeCode) ? null : r.TypeCode,
            string.IsNullOrEmpty(r.ComponentId) ? null : r.ComponentId, address, r.ReporterName, r.ReporterPhone, r.ReporterEmail);
    }
}
