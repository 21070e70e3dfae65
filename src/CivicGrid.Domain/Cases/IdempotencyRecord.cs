namespace CivicGrid.Domain.Cases;

/// <summary>A case created under an Idempotency-Key: the same key with the same request returns the same case; with a
/// different request it is refused. <see cref="Scope"/> separates callers (a user, an API key, a device).</summary>
public sealed class IdempotencyRecord
{
    public required string Scope { get; set; }
    public required string Key { get; set; }
    /// <summary>SHA-256 of the request body.</summary>
    public required string RequestHash { get; set; }
    public long CaseId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
