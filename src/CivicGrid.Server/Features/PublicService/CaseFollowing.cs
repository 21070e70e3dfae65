using CivicGrid.Data;
using CivicGrid.Domain.Notifications;
using CivicGrid.Domain.PublicService;
using CivicGrid.Server.Features.Notifications;
using CivicGrid.Server.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.PublicService;

/// <summary>Following a case from its public page (关注): a phone number (SMS) or an e-mail address gets the messages
/// the reporter gets from then on (<see cref="ReporterNotifications"/>). Following twice is the same as once.</summary>
public sealed class CaseFollowing(CivicGridDbContext db, PublicTracking tracking, TimeProvider time)
{
    public enum Outcome { Following, UnknownCase, TooMany }

    /// <summary>The problems of a follow request, keyed by field (empty when fine): exactly one of phone or e-mail.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(string? phone, string? email)
    {
        var errors = new FieldErrors();
        var (hasPhone, hasEmail) = (!string.IsNullOrWhiteSpace(phone), !string.IsNullOrWhiteSpace(email));
        if (hasPhone == hasEmail) errors.Add("phone", "Give a phone number or an e-mail address (one of them).");
        else if (hasPhone && PhoneOf(phone) is null) errors.Add("phone", "phone is a phone number of 6 to 20 digits.");
        else if (hasEmail && (email!.Trim() is { Length: > 254 } || !email.Contains('@', StringComparison.Ordinal))) errors.Add("email", "email is not an e-mail address.");
        return errors.ToDictionary();
    }

    /// <summary>Adds the follower to the case behind the tracking token or short code (validate first).</summary>
    public async Task<Outcome> FollowAsync(string token, string? phone, string? email, CancellationToken cancellationToken)
    {
        if (await tracking.CaseIdOfAsync(token, cancellationToken) is not { } caseId) return Outcome.UnknownCase;
        var (recipient, channel) = PhoneOf(phone) is { } number ? (number, NotificationChannel.Sms) : (email!.Trim(), NotificationChannel.Email);
        var followers = await db.CaseFollowers.AsNoTracking().Where(f => f.CaseId == caseId).Select(f => f.Recipient).ToListAsync(cancellationToken);
        if (followers.Contains(recipient)) return Outcome.Following;
        if (followers.Count >= CaseFollower.MaxPerCase) return Outcome.TooMany;
        var now = time.GetUtcNow();
        await ReporterLinks.GetOrAddAsync(db, caseId, now, cancellationToken); // the messages carry it
        db.CaseFollowers.Add(new CaseFollower { CaseId = caseId, Channel = channel, Recipient = recipient, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // the same recipient at the same moment: following already
        }
        return Outcome.Following;
    }

    private static string? PhoneOf(string? phone)
    {
        var digits = new string((phone ?? "").Where(c => c is not (' ' or '-')).ToArray());
        if (digits.StartsWith('+')) digits = digits[1..];
        return digits.Length is >= 6 and <= 20 && digits.All(char.IsAsciiDigit) ? digits : null;
    }
}
