using CivicGrid.Data;
using CivicGrid.Server.Platform.Attachments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Features.PublicService;

/// <summary>Photos citizens send before their report exists: stored through <see cref="AttachmentUploads"/>
/// (checked by content, size-limited, metadata removed from the public copy) as attachments without a case and
/// without a staff uploader; the report attaches them. Citizens only ever read the public copy of photos staff
/// approved (<see cref="Domain.Attachments.Attachment.IsPublic"/>).</summary>
public sealed partial class PublicPhotos(
    CivicGridDbContext db, AttachmentStore store, AttachmentUploads uploads, TimeProvider time, IOptions<PublicServiceOptions> options, ILogger<PublicPhotos> logger)
{
    /// <summary>A report carries at most this many photos.</summary>
    public const int MaxPerReport = 6;

    public sealed record Upload(Guid UploadId, string ContentType, int Width, int Height, DateTimeOffset UploadedAt);

    /// <exception cref="AttachmentRejectedException">Not an accepted image, or too large.</exception>
    /// <exception cref="InvalidOperationException">No city is set up yet.</exception>
    public async Task<Upload> UploadAsync(Stream content, string? fileName, CancellationToken cancellationToken)
    {
        var city = await db.Cities.AsNoTracking().OrderBy(c => c.Code).Select(c => c.Code).FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException("No city is set up yet.");
        var row = await uploads.SaveAsync(content, fileName, new AttachmentOwner(city, UploadedByUserId: null), cancellationToken);
        return new Upload(row.Id, row.ContentType, row.Width, row.Height, row.UploadedAt);
    }

    /// <summary>The ids among <paramref name="uploadIds"/> that are not public uploads a report may use: unknown,
    /// uploaded by staff, or already attached to a case (unless <paramref name="allowAttached"/>, for a replay).</summary>
    public async Task<List<Guid>> UnusableAsync(IReadOnlyCollection<Guid> uploadIds, bool allowAttached, CancellationToken cancellationToken)
    {
        var usable = await db.Attachments.AsNoTracking()
            .Where(a => uploadIds.Contains(a.Id) && a.UploadedByUserId == null && a.HistoryEntryId == null && (allowAttached || a.CaseId == null))
            .Select(a => a.Id).ToListAsync(cancellationToken);
        return uploadIds.Except(usable).ToList();
    }

    /// <summary>Attaches the still unattached uploads to the case (a replayed report finds them attached already).</summary>
    public Task<int> AttachAsync(IReadOnlyCollection<Guid> uploadIds, long caseId, CancellationToken cancellationToken) =>
        AttachAsync(db, uploadIds, caseId, cancellationToken);

    /// <summary>Links public uploads not yet attached to the case, on <paramref name="db"/> (the case writer's, inside its transaction).</summary>
    public static Task<int> AttachAsync(CivicGridDbContext db, IReadOnlyCollection<Guid> uploadIds, long caseId, CancellationToken cancellationToken) =>
        uploadIds.Count == 0 ? Task.FromResult(0)
            : db.Attachments.Where(a => uploadIds.Contains(a.Id) && a.CaseId == null && a.UploadedByUserId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.CaseId, caseId), cancellationToken);

    /// <summary>Staff review of a case's photos at once (the case page's "公开内容" panel): the photos in
    /// <paramref name="publicIds"/> become public (keeping an earlier approval time), every other photo of the case is withdrawn.</summary>
    public async Task PublishAsync(long caseId, IReadOnlyCollection<Guid> publicIds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var photo in await db.Attachments.Where(a => a.CaseId == caseId).ToListAsync(cancellationToken))
        {
            var approved = publicIds.Contains(photo.Id);
            if (approved == photo.IsPublic) continue;
            photo.IsPublic = approved;
            photo.PublicApprovedAt = approved ? now : null;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The public copy or thumbnail of a photo staff approved, or the thumbnail of a citizen's upload not yet
    /// part of a report (the report form shows the photos a failed submit kept; the upload id is the citizen's own,
    /// unguessable, and the thumbnail carries no metadata). Null for any other photo: once attached, a photo is public
    /// only after staff approve it.</summary>
    public async Task<AttachmentContent?> OpenForPublicAsync(Guid id, bool thumbnail, CancellationToken cancellationToken)
    {
        var visible = await db.Attachments.AnyAsync(a => a.Id == id && (a.IsPublic && a.CaseId != null
            || thumbnail && a.CaseId == null && a.HistoryEntryId == null && a.UploadedByUserId == null), cancellationToken);
        if (!visible) return null;
        return await store.OpenAsync(id, thumbnail ? AttachmentVariant.Thumbnail : AttachmentVariant.Public, cancellationToken);
    }

    /// <summary>Deletes public uploads never attached to a report within PublicService:UnattachedPhotoLifetime.</summary>
    public async Task<int> PurgeUnattachedAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - options.Value.UnattachedPhotoLifetime;
        var stale = await db.Attachments.AsNoTracking()
            .Where(a => a.CaseId == null && a.HistoryEntryId == null && a.UploadedByUserId == null && a.UploadedAt < before)
            .OrderBy(a => a.UploadedAt).Select(a => a.Id).Take(500).ToListAsync(cancellationToken);
        if (stale.Count == 0) return 0;
        var deleted = await db.Attachments.Where(a => stale.Contains(a.Id) && a.CaseId == null && a.HistoryEntryId == null)
            .ExecuteDeleteAsync(cancellationToken);
        // Rows first, files second: a photo attached meanwhile keeps its row (the WHERE), and so its files.
        var remaining = await db.Attachments.AsNoTracking().Where(a => stale.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        foreach (var id in stale.Except(remaining)) store.Delete(id);
        LogPurged(logger, deleted);
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} public photo uploads never attached to a report")]
    private static partial void LogPurged(ILogger logger, int count);
}
