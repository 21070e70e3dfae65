namespace CivicGrid.Domain.OpenPlatform;

/// <summary>A key an administrator gives one Open311 client (an app, a portal, a developer). Only the SHA-256 of the
/// secret is stored, so a leaked database does not leak working keys; the secret is shown once, on creation.
/// Revoking keeps the row (and its usage) for the record.</summary>
public sealed class ApiKey
{
    public int Id { get; set; }
    /// <summary>The client's name, e.g. "海口12345 app".</summary>
    public required string Name { get; set; }
    /// <summary>Whom to call about the client (person, e-mail or phone of the developer).</summary>
    public string? Contact { get; set; }
    /// <summary>The first characters of the secret, safe to show so that an administrator can tell keys apart.</summary>
    public required string Prefix { get; set; }
    /// <summary>Lower-case hex SHA-256 of the whole secret (the secret is random, so no slow hash is needed).</summary>
    public required string SecretHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int? CreatedByUserId { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>Usage, flushed from memory in batches (so it may lag a few seconds behind).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }
    public long RequestCount { get; set; }

    public bool IsRevoked => RevokedAt is not null;
}
