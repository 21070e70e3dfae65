using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.PublicService;
using CivicGrid.Server.Features.Notifications;
using CivicGrid.Server.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.PublicService;

/// <summary>Following a case with its private token (or its short-link code), and rating it once it is closed (one rating per case).</summary>
public sealed class PublicTracking(CivicGridDbContext db, TimeProvider time, PublicCasePrivacy privacy)
{
    /// <summary>The case behind the token, as the public may see it; null for an unknown token.</summary>
    public async Task<PublicCaseView?> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (await CaseOfAsync(token, cancellationToken) is not { } @case) return null;
        var type = @case.Kind is { } kind && @case.TypeCode is { } code
            ? await db.CatalogueTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Kind == kind && t.Code == code, cancellationToken)
            : null;
        var history = await db.CaseHistory.AsNoTracking().Where(e => e.CaseId == @case.Id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var shown = privacy.Show(type?.IsSensitive == true, @case.Longitude, @case.Latitude, description: null, @case.Address);
        var photos = shown.ShowsPhotos
            ? await db.Attachments.AsNoTracking().Where(a => a.CaseId == @case.Id && a.IsPublic).OrderBy(a => a.UploadedAt)
                .Select(a => new { a.Id, a.Width, a.Height }).ToListAsync(cancellationToken)
            : [];
        var rating = await db.CaseRatings.AsNoTracking().SingleOrDefaultAsync(r => r.CaseId == @case.Id, cancellationToken);
        var status = PublicStatuses.Of(@case.Status);
        return new PublicCaseView(@case.Number, KindCode(@case.Kind), @case.TypeCode, type?.Name, type?.NameEn, status.Code(), status.Label(),
            @case.CreatedAt, @case.UpdatedAt,
            history.Select(PublicTimeline.Of).OfType<PublicTimeline.Step>().ToList(),
            photos.Select(p => PublicPhoto.Of(p.Id, p.Width, p.Height)).ToList(),
            rating is null ? null : new PublicRating(rating.Score, rating.Comment, rating.RatedAt),
            CanRate: @case.Status == CaseStatus.Closed && rating is null);
    }

    /// <summary>The description as the reporter wrote it, for their own tracking page only (the holder of the private
    /// token wrote it); never part of an anonymous answer, where only the words staff approved appear.</summary>
    public async Task<string?> OwnDescriptionAsync(string token, CancellationToken cancellationToken) =>
        await CaseOfAsync(token, cancellationToken) is { } @case && !string.IsNullOrWhiteSpace(@case.Description) ? @case.Description : null;

    /// <summary>Stores the rating if the case is closed and not rated yet. Validate score (1–5) and comment
    /// (≤ <see cref="CaseRating.MaxCommentLength"/>) first: see <see cref="ValidateRating"/>.</summary>
    public async Task<RatingOutcome> RateAsync(string token, int score, string? comment, CancellationToken cancellationToken)
    {
        if (await CaseOfAsync(token, cancellationToken) is not { } @case) return RatingOutcome.UnknownToken;
        if (@case.Status != CaseStatus.Closed) return RatingOutcome.NotClosed;
        if (await db.CaseRatings.AnyAsync(r => r.CaseId == @case.Id, cancellationToken)) return RatingOutcome.AlreadyRated;
        db.CaseRatings.Add(new CaseRating
        {
            CaseId = @case.Id, Score = score, Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), RatedAt = time.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two ratings at once: the case id is the key, so the second insert fails.
            db.ChangeTracker.Clear();
            if (await db.CaseRatings.AnyAsync(r => r.CaseId == @case.Id, cancellationToken)) return RatingOutcome.AlreadyRated;
            throw;
        }
        return RatingOutcome.Accepted;
    }

    /// <summary>The problems of a rating, keyed by field (empty when it is fine).</summary>
    public static IReadOnlyDictionary<string, string[]> ValidateRating(int? score, string? comment)
    {
        var errors = new FieldErrors();
        if (score is not (>= 1 and <= 5)) errors.Add("score", "score is required, a whole number from 1 to 5.");
        if (comment is { Length: > CaseRating.MaxCommentLength }) errors.Add("comment", $"comment is at most {CaseRating.MaxCommentLength} characters.");
        return errors.ToDictionary();
    }

    private async Task<Case?> CaseOfAsync(string token, CancellationToken cancellationToken) =>
        await CaseIdOfAsync(token, cancellationToken) is { } caseId
            ? await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            : null;

    /// <summary>The case behind a private tracking token or a short-link code (<see cref="CaseShortLink"/>); null for neither.</summary>
    public async Task<long?> CaseIdOfAsync(string token, CancellationToken cancellationToken)
    {
        if (CaseShortLink.LooksValid(token))
            return await db.CaseShortLinks.AsNoTracking().Where(l => l.Code == token).Select(l => (long?)l.CaseId).SingleOrDefaultAsync(cancellationToken);
        if (!TrackingTokens.LooksValid(token)) return null;
        var hash = TrackingTokens.Hash(token);
        return await db.CaseTrackingTokens.AsNoTracking().Where(t => t.TokenHash == hash).Select(t => (long?)t.CaseId)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The short-link code of the case behind a token or code, created now if the case has none; null for an unknown token.</summary>
    public async Task<string?> ShortCodeAsync(string token, CancellationToken cancellationToken) =>
        await CaseIdOfAsync(token, cancellationToken) is { } caseId
            ? await ReporterLinks.GetOrAddAsync(db, caseId, time.GetUtcNow(), cancellationToken)
            : null;

    internal static string? KindCode(CatalogueKind? kind) => kind?.ToString().ToLowerInvariant();
}
