using CivicGrid.Data;
using CivicGrid.Domain.OpenPlatform;
using CivicGrid.Server.Platform.LiveUpdates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Features.Open311.ApiKeys;

/// <summary>Finds the live key of a presented secret: one indexed read by hash, kept for
/// <see cref="Open311Options.ApiKeyCacheLifetime"/> (1 s by default) by <see cref="ApiKeyCache"/>; a revocation
/// clears that cache on every instance at once.</summary>
public sealed class ApiKeyVerifier(CivicGridDbContext db, ApiKeyCache cache)
{
    public const int MaxSecretLength = 128;

    /// <summary>The key, or null when the secret is missing, unknown or revoked.</summary>
    public async Task<ApiKey?> FindLiveAsync(string? secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > MaxSecretLength) return null;
        var hash = ApiKeySecrets.Hash(secret);
        // Only keys that exist are kept: unknown secrets (a guesser's) would grow the cache without bound.
        var key = await cache.GetOrReadAsync(hash, (db, hash),
            static (read, token) => read.db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.SecretHash == read.hash, token),
            static found => found is not null, 10_000, cancellationToken);
        return key is { RevokedAt: null } ? key : null;
    }
}

/// <summary>The API keys an instance read recently, by secret hash (see <see cref="ApiKeyVerifier"/>); a revocation
/// calls <see cref="KeysChanged"/> after its commit.</summary>
public sealed class ApiKeyCache(IOptions<Open311Options> options)
    : ClusterCache<string, ApiKey?>(options.Value.ApiKeyCacheLifetime, ClusterSignals.ApiKeysChannel)
{
    /// <summary>Call after committing a revocation.</summary>
    public void KeysChanged() => Changed();
}
