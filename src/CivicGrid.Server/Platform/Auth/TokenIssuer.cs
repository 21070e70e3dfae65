using System.Security.Claims;
using CivicGrid.Domain.Organisation;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CivicGrid.Server.Platform.Auth;

/// <summary>Issues staff access tokens: JWTs signed with the database key, times from the injected clock.</summary>
public sealed class TokenIssuer(SigningKeyStore keys, IOptions<AuthOptions> options, TimeProvider time)
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public async Task<IssuedToken> IssueAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var expires = now + settings.TokenLifetime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Issuer,
            Subject = new ClaimsIdentity(StaffClaims.For(user)),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = await keys.GetSigningCredentialsAsync(cancellationToken),
        };
        return new IssuedToken(Handler.CreateToken(descriptor), expires, settings.TokenLifetime);
    }
}

public sealed record IssuedToken(string AccessToken, DateTimeOffset ExpiresAt, TimeSpan Lifetime);
