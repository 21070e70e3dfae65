using CivicGrid.Domain.Cases;
using CivicGrid.Server.Platform.Errors;

namespace CivicGrid.Server.Features.Cases;

/// <summary>A report as any channel delivers it, before validation. Positions are in <see cref="Crs"/>
/// (wgs84 by default; gcj02 for AMap/WeChat, bd09 for Baidu) and stored as WGS-84.</summary>
public sealed record IntakeRequest(
    CaseChannel Channel,
    string? Description,
    double? Latitude,
    double? Longitude,
    string? Crs = null,
    string? Kind = null,
    string? TypeCode = null,
    string? ComponentId = null,
    string? Address = null,
    string? ReporterName = null,
    string? ReporterPhone = null,
    string? ReporterEmail = null);

/// <summary>What intake did with a report.</summary>
public enum IntakeOutcomeKind
{
    /// <summary>A new case.</summary>
    Created,
    /// <summary>Linked to the open case it repeats; the reporter gets that case's number.</summary>
    LinkedToExisting,
    /// <summary>The same Idempotency-Key and request again: the case created the first time.</summary>
    Replayed,
}

public sealed record IntakeOutcome(Case Case, IntakeOutcomeKind Kind);

/// <summary>Bad input to intake, each problem keyed by the field it concerns (answered 400 by the error pipeline).</summary>
public sealed class IntakeValidationException(IReadOnlyDictionary<string, string[]> errors) : InvalidRequestException(errors);

/// <summary>An Idempotency-Key reused with a different request (422), or the same key still being processed (409).</summary>
public sealed class IdempotencyConflictException(string message, bool inFlight) : RequestProblemException(
    inFlight ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
    inFlight ? "Request in progress" : "Idempotency-Key reused", message)
{
    public bool InFlight { get; } = inFlight;
}
