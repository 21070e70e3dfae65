using CivicGrid.Data;
using CivicGrid.Domain.OpenPlatform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Open311.ApiKeys;

/// <summary>Finds the live key of a presented secret (one indexed read by hash; revocation takes effect at once).</summary>
public sealed class ApiKeyVerifier(CivicGridDbContext db)
{
    public const int MaxSecretLength = 128;

    /// <summary>The key, or null when the secret is missing, unknown or revoked.</summary>
    public async Task<ApiKey?> FindLiveAsync(string? secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > MaxSecretLength) return null;
        var hash = ApiKeySecrets.Hash(secret);
        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.SecretHash == hash, cancellationToken);
        return key is { RevokedAt: null } ? key : null;
    }
}
