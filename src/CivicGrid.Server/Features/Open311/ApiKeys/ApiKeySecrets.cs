using System.Security.Cryptography;
using System.Text;

namespace CivicGrid.Server.Features.Open311.ApiKeys;

/// <summary>Secrets look like <c>cg_3f9a1c2b_…</c>: a short public prefix (shown in lists) and 32 random bytes. Only
/// their SHA-256 is stored; 256 random bits need no slow password hash.</summary>
public static class ApiKeySecrets
{
    public const int PrefixLength = 11; // "cg_" + 8 hex

    public static string NewSecret() =>
        "cg_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)) + "_"
        + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string PrefixOf(string secret) => secret[..Math.Min(PrefixLength, secret.Length)];
}
