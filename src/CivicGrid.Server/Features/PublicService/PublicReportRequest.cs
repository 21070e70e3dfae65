namespace CivicGrid.Server.Features.PublicService;

/// <summary>A citizen's report as the public page or the public JSON API sends it. The position is in
/// <see cref="Crs"/> (wgs84 by default; gcj02 for AMap/WeChat, bd09 for Baidu). The type is a catalogue type
/// (<see cref="Kind"/> + <see cref="TypeCode"/>) or, when the citizen does not find it, free text
/// (<see cref="TypeText"/>) that staff classify later. <see cref="Photos"/> are upload ids from
/// POST /api/public/photos. With <see cref="Anonymous"/> the contact is not kept.</summary>
public sealed record PublicReportRequest(
    double? Longitude,
    double? Latitude,
    string? Crs = null,
    string? Kind = null,
    string? TypeCode = null,
    string? TypeText = null,
    string? Description = null,
    string? Address = null,
    IReadOnlyList<string>? Photos = null,
    PublicContact? Contact = null,
    bool Anonymous = false);

/// <summary>How the citizen wants to be told about progress; staff-only, never shown publicly.</summary>
public sealed record PublicContact(string? Name = null, string? Phone = null, string? Email = null);

/// <summary>What the citizen gets back: the case number and the private tracking token (keep it: it is the only way
/// to follow and rate the case; it is shown once).</summary>
/// <param name="Outcome">created, linked_to_existing (the same problem was reported already: the token follows that
/// case) or replayed (the same Idempotency-Key and report again).</param>
public sealed record PublicReportReceipt(string Outcome, string Number, string TrackingToken, string Status, string StatusLabel);
