using CivicGrid.Data;
using CivicGrid.Server.Features.Notifications;
using CivicGrid.Server.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.PublicService;

/// <summary>Finding one's case again without the link: the case number plus the last four digits of the phone number
/// the reporter left. A match answers the case's short link; no such case, no phone and wrong digits all answer the
/// same "no match", so the look-up tells nothing about which numbers exist. Requests are rate-limited per client IP
/// (<see cref="PublicSubmissionLimits.LookupsPolicy"/>) and each case number accepts only a few wrong tries an hour
/// (<see cref="LookupGuard"/>), so four digits cannot be tried through.</summary>
public sealed class CaseLookup(CivicGridDbContext db, LookupGuard guard, TimeProvider time)
{
    public const int MaxNumberLength = 24;

    /// <summary>The problems of a look-up, keyed by field (empty when it may be tried).</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(string? number, string? phoneLastFour)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(number) || number.Trim().Length > MaxNumberLength || !number.Trim().All(char.IsAsciiLetterOrDigit))
            errors.Add("number", "number is required: the case number of the confirmation (letters and digits).");
        if (phoneLastFour is not { Length: 4 } || !phoneLastFour.All(char.IsAsciiDigit))
            errors.Add("phoneLastFour", "phoneLastFour is required: the last four digits of the phone number left with the report.");
        return errors.ToDictionary();
    }

    /// <summary>The short-link code of the case, or null when nothing matches (validate first: <see cref="Validate"/>).</summary>
    public async Task<string?> FindAsync(string number, string phoneLastFour, CancellationToken cancellationToken)
    {
        var key = number.Trim().ToUpperInvariant();
        if (!guard.MayTry(key)) return null;
        var found = await db.Cases.AsNoTracking().Where(c => c.Number == key)
            .Select(c => new { c.Id, c.ReporterPhone }).SingleOrDefaultAsync(cancellationToken);
        if (found is null || LastFour(found.ReporterPhone) is not { } digits || digits != phoneLastFour)
        {
            guard.Failed(key);
            return null;
        }
        return await ReporterLinks.GetOrAddAsync(db, found.Id, time.GetUtcNow(), cancellationToken);
    }

    private static string? LastFour(string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.Length >= 4 ? digits[^4..] : null;
    }
}
