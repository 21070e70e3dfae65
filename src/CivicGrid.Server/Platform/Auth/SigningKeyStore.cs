using System.Security.Cryptography;
using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace CivicGrid.Server.Platform.Auth;

/// <summary>The token signing keys, loaded from the database on first use and kept in memory. When the table is
/// empty, a fresh 512-bit HMAC key is created. Instances that start together may each create one: all then sign
/// with the oldest and accept every stored key, so they still agree.</summary>
public sealed class SigningKeyStore(IServiceScopeFactory scopes, TimeProvider time, ILogger<SigningKeyStore> logger) : IDisposable
{
    public const string Algorithm = SecurityAlgorithms.HmacSha256;
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Keys? _keys;

    /// <summary>The keys tokens are accepted with; empty until loaded.</summary>
    public IReadOnlyList<SecurityKey> ValidationKeys => _keys?.All ?? [];

    /// <summary>The credentials new tokens are signed with.</summary>
    public async ValueTask<SigningCredentials> GetSigningCredentialsAsync(CancellationToken cancellationToken)
    {
        var keys = _keys ?? await LoadAsync(cancellationToken);
        return new SigningCredentials(keys.Current, Algorithm);
    }

    /// <summary>Loads the keys unless loaded; a failed load is retried by the next call.</summary>
    public async ValueTask EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (_keys is null) await LoadAsync(cancellationToken);
    }

    private async Task<Keys> LoadAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_keys is { } loaded) return loaded;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
            var stored = await ReadAsync(db, cancellationToken);
            if (stored.Count == 0)
            {
                var created = new SigningKey
                {
                    KeyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
                    Algorithm = Algorithm,
                    KeyMaterial = RandomNumberGenerator.GetBytes(64),
                    CreatedAt = time.GetUtcNow(),
                };
                db.SigningKeys.Add(created);
                await db.SaveChangesAsync(cancellationToken);
                AuthLog.SigningKeyCreated(logger, created.KeyId, created.Algorithm);
                stored = await ReadAsync(db, cancellationToken);
            }
            var all = stored.Select(k => (SecurityKey)new SymmetricSecurityKey(k.KeyMaterial) { KeyId = k.KeyId }).ToArray();
            _keys = new Keys(all[0], all);
            return _keys;
        }
        finally
        {
            _loading.Release();
        }
    }

    private static Task<List<SigningKey>> ReadAsync(CivicGridDbContext db, CancellationToken cancellationToken) =>
        db.SigningKeys.AsNoTracking().Where(k => k.Algorithm == Algorithm).OrderBy(k => k.Id).ToListAsync(cancellationToken);

    public void Dispose() => _loading.Dispose();

    private sealed record Keys(SecurityKey Current, IReadOnlyList<SecurityKey> All);
}
