using CivicGrid.Data;
using CivicGrid.Domain.OpenPlatform;
using CivicGrid.Server.Platform.LiveUpdates;
using CivicGrid.Server.Platform.Runtime;
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
        if (!cache.Keys.TryGet(hash, out var key))
        {
            var (generation, readAt) = (cache.Keys.Generation, cache.Keys.Now);
            key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.SecretHash == hash, cancellationToken);
            // Only keys that exist are kept: unknown secrets (a guesser's) would grow the cache without bound.
            if (key is not null) cache.Keys.Put(hash, key, generation, readAt, maxEntries: 10_000);
        }
        return key is { RevokedAt: null } ? key : null;
    }
}

/// <summary>The API keys an instance read recently, by secret hash (see <see cref="ApiKeyVerifier"/>).</summary>
public sealed class ApiKeyCache(IOptions<Open311Options> options) : IClusterSignal
{
    internal ShortLivedCache<string, ApiKey?> Keys { get; } = new(options.Value.ApiKeyCacheLifetime);

    public string Channel => ClusterSignals.ApiKeysChannel;

    public event Action? ChangedHere;

    /// <summary>Call after committing a revocation.</summary>
    public void KeysChanged()
    {
        Keys.Clear();
        ChangedHere?.Invoke();
    }

    void IClusterSignal.OnChangedElsewhere() => Keys.Clear();
}
