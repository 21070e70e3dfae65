using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CivicGrid.Server.Tests.Auth;

/// <summary>Tokens an attacker could make: the same header and claims, signed with a key the server never had.</summary>
internal static class ForgedTokens
{
    public static string ResignWithRandomKey(string genuine)
    {
        var original = new JsonWebToken(genuine);
        var key = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(64)) { KeyId = original.Kid };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = original.Issuer,
            Audience = original.Audiences.Single(),
            IssuedAt = original.IssuedAt,
            NotBefore = original.ValidFrom,
            Expires = original.ValidTo,
            Claims = original.Claims
                .Where(c => c.Type is not ("iss" or "aud" or "iat" or "nbf" or "exp"))
                .GroupBy(c => c.Type)
                .ToDictionary(g => g.Key, g => g.Count() == 1 ? (object)g.Single().Value : g.Select(c => c.Value).ToArray()),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
