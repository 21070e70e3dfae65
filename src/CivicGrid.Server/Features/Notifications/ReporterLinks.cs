using CivicGrid.Data;
using CivicGrid.Domain.PublicService;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Notifications;

/// <summary>The short public link of a case (<see cref="CaseShortLink"/>, /t/{code}) that the messages to the reporter
/// and followers carry, and the confirmation, the QR code and the look-up by number hand out.</summary>
public static class ReporterLinks
{
    /// <summary>The path of a short link: /t/{code}.</summary>
    public static string PathOf(string code) => "/t/" + code;

    /// <summary>The link as a message carries it: absolute under Notifications:PublicBaseUrl, else the bare path.</summary>
    public static string UrlOf(string? publicBaseUrl, string code) =>
        string.IsNullOrEmpty(publicBaseUrl) ? PathOf(code) : publicBaseUrl.TrimEnd('/') + PathOf(code);

    /// <summary>The public case page as a follower's message carries it (absolute under Notifications:PublicBaseUrl):
    /// followers get the page everyone may see, never the reporter's private link (anyone may follow a case from its
    /// public page, "我也遇到了").</summary>
    public static string CasePageUrlOf(string? publicBaseUrl, string caseNumber) =>
        (string.IsNullOrEmpty(publicBaseUrl) ? "" : publicBaseUrl.TrimEnd('/')) + "/public/cases/" + Uri.EscapeDataString(caseNumber);

    /// <summary>Adds a new link for a case that has none (to the step's unit of work; saved with it).</summary>
    public static string Add(CivicGridDbContext db, long caseId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        var code = CaseShortLink.NewCode();
        db.CaseShortLinks.Add(new CaseShortLink { CaseId = caseId, Code = code, CreatedAt = now });
        return code;
    }

    /// <summary>The case's code, if it has one.</summary>
    public static Task<string?> FindAsync(CivicGridDbContext db, long caseId, CancellationToken cancellationToken) =>
        db.CaseShortLinks.AsNoTracking().Where(l => l.CaseId == caseId).Select(l => l.Code).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The case's code, created and saved now if it has none (two callers at once get the same one).</summary>
    public static async Task<string> GetOrAddAsync(CivicGridDbContext db, long caseId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await FindAsync(db, caseId, cancellationToken) is { } existing) return existing;
        var link = new CaseShortLink { CaseId = caseId, Code = CaseShortLink.NewCode(), CreatedAt = now };
        db.CaseShortLinks.Add(link);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return link.Code;
        }
        catch (DbUpdateException)
        {
            db.Entry(link).State = EntityState.Detached;
            return await FindAsync(db, caseId, cancellationToken) ?? throw new InvalidOperationException($"No short link for case {caseId}.");
        }
    }
}
