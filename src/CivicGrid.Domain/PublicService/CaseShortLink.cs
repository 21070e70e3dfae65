using System.Security.Cryptography;

namespace CivicGrid.Domain.PublicService;

/// <summary>The short public link of a case (/t/{code}): what the confirmation, the QR code, the look-up by number and
/// phone digits and the SMS/e-mail messages hand out, so that a citizen who loses the long tracking link does not
/// lose the case. One per case, created the first time it is needed. The code is a secret like the tracking token:
/// 16 characters of 32 (80 random bits), so it cannot be guessed; the /t/ route and the look-up are rate-limited.
/// It is kept in clear (unlike the token's hash) because every later message to the reporter repeats it.</summary>
public sealed class CaseShortLink
{
    public const int CodeLength = 16;

    /// <summary>Lower-case letters and digits without the look-alikes i, l, o, u (Crockford's base 32).</summary>
    public const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public long CaseId { get; set; }
    public required string Code { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public static string NewCode()
    {
        Span<byte> bytes = stackalloc byte[CodeLength];
        RandomNumberGenerator.Fill(bytes);
        Span<char> code = stackalloc char[CodeLength];
        for (var i = 0; i < CodeLength; i++) code[i] = Alphabet[bytes[i] & 31];
        return new string(code);
    }

    /// <summary>Cheap shape check before touching the database.</summary>
    public static bool LooksValid(string? code) =>
        code is { Length: CodeLength } && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
