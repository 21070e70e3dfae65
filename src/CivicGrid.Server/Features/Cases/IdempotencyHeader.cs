using CivicGrid.Server.Platform.Errors;

namespace CivicGrid.Server.Features.Cases;

/// <summary>The client's Idempotency-Key header (ADR 0007).</summary>
public static class IdempotencyHeader
{
    public const string Name = "Idempotency-Key";
    public const int MaxLength = IdempotencyKey.MaxLength;

    /// <summary>The key, or null when none was sent.</summary>
    /// <exception cref="InvalidRequestException">The key is longer than <see cref="MaxLength"/>.</exception>
    public static string? Read(HttpRequest request)
    {
        var key = request.Headers[Name].ToString();
        if (key.Length > MaxLength) throw FieldErrors.Invalid(Name, TooLong);
        return key.Length == 0 ? null : key;
    }

    public static string TooLong => $"The {Name} is at most {MaxLength} characters.";
}
