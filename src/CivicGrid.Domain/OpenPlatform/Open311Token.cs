namespace CivicGrid.Domain.OpenPlatform;

/// <summary>One accepted Open311 submission: the token the client can look up (GET tokens/{token}) and the case it
/// became (a new case, or the open case it repeats). Also keeps the client's media_url, which the case has no
/// column for.</summary>
public sealed class Open311Token
{
    /// <summary>Random, URL-safe, not guessable.</summary>
    public required string Token { get; set; }
    public long CaseId { get; set; }
    public int ApiKeyId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The URL of the client's photo of the problem, as submitted.</summary>
    public string? MediaUrl { get; set; }
}
