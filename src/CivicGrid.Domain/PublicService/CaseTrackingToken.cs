namespace CivicGrid.Domain.PublicService;

/// <summary>The private tracking link of a citizen's report: whoever holds the token may follow the case and rate it.
/// Only the SHA-256 of the token is stored, so a copy of the database does not hand out working links. A case may
/// have several tokens (a repeated report of the same problem gets one for the case it was linked to).</summary>
public sealed class CaseTrackingToken
{
    /// <summary>SHA-256 of the token, 64 lowercase hex digits.</summary>
    public required string TokenHash { get; set; }
    public long CaseId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
