using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Notifications;
using CivicGrid.Domain.PublicService;
using CivicGrid.Server.Features.Notifications;
using CivicGrid.Server.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.PublicService;

/// <summary>Following a case from its public page (关注): a phone number (SMS) or an e-mail address gets the messages
/// the reporter gets from then on (<see cref="ReporterNotifications"/>, with the public case page as the link). From the
/// private tracking page, or by the case number from the public case page ("我也遇到了"). Following twice is the same as once.</summary>
public sealed class CaseFollowing(CivicGridDbContext db, PublicTracking tracking, TimeProvider time)
{
    public enum Outcome { Following, UnknownCase, TooMany, Ended }

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
    public async Task<Outcome> FollowAsync(string token, string? phone, string? email, CancellationToken cancellationToken) =>
        await tracking.CaseIdOfAsync(token, cancellationToken) is { } caseId
            ? await AddAsync(caseId, phone, email, cancellationToken)
            : Outcome.UnknownCase;

    /// <summary>"我也遇到了" on the public case page (validate first): someone who meets the same problem follows the
    /// open case by its number instead of reporting it again. Closed, voided and rejected cases take no followers.</summary>
    public async Task<Outcome> FollowOpenCaseAsync(string number, string? phone, string? email, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(number) || number.Length > 32) return Outcome.UnknownCase;
        var found = await db.Cases.AsNoTracking().Where(c => c.Number == number).Select(c => new { c.Id, c.Status }).SingleOrDefaultAsync(cancellationToken);
        if (found is null) return Outcome.UnknownCase;
        return PublicStatuses.Of(found.Status) is PublicStatus.Closed or PublicStatus.Voided or PublicStatus.Rejected
            ? Outcome.Ended
            : await AddAsync(found.Id, phone, email, cancellationToken);
    }

    /// <summary>How many people follow the case (the staff case page shows it: citizens who met the same problem).</summary>
    public Task<int> CountAsync(long caseId, CancellationToken cancellationToken) =>
        db.CaseFollowers.CountAsync(f => f.CaseId == caseId, cancellationToken);

    private async Task<Outcome> AddAsync(long caseId, string? phone, string? email, CancellationToken cancellationToken)
    {
        var (recipient, channel) = PhoneOf(phone) is { } number ? (number, NotificationChannel.Sms) : (email!.Trim(), NotificationChannel.Email);
        var followers = await db.CaseFollowers.AsNoTracking().Where(f => f.CaseId == caseId).Select(f => f.Recipient).ToListAsync(cancellationToken);
        if (followers.Contains(recipient)) return Outcome.Following;
        if (followers.Count >= CaseFollower.MaxPerCase) return Outcome.TooMany;
        db.CaseFollowers.Add(new CaseFollower { CaseId = caseId, Channel = channel, Recipient = recipient, CreatedAt = time.GetUtcNow() });
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
