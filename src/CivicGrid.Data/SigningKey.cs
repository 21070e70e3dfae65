namespace CivicGrid.Data;

/// <summary>A key that signs staff access tokens. Generated on first start and kept in the database, so that every
/// instance of the server signs and accepts the same tokens; never in the repository or a configuration file.</summary>
public sealed class SigningKey
{
    public int Id { get; set; }
    /// <summary>The "kid" header of the tokens it signs.</summary>
    public required string KeyId { get; set; }
    /// <summary>The JWS algorithm, e.g. HS256.</summary>
    public required string Algorithm { get; set; }
    public required byte[] KeyMaterial { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
