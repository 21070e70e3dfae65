using CivicGrid.Data;
using CivicGrid.Domain.Attachments;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Platform.Attachments;

/// <summary>The one way a photo comes in, for the API and the pages alike: the <see cref="AttachmentStore"/> checks
/// the upload and writes its files, the row is recorded, and when recording fails the files are deleted again, so no
/// file is ever left without its row. Who may attach to what is the caller's rule, not this service's.</summary>
public sealed class AttachmentUploads(CivicGridDbContext db, AttachmentStore store)
{
    /// <summary>Checks, stores and records the upload.</summary>
    /// <exception cref="AttachmentRejectedException">Not an accepted image, or too large; nothing was stored.</exception>
    public async Task<Attachment> SaveAsync(Stream content, string? fileName, AttachmentOwner owner, CancellationToken cancellationToken)
    {
        var stored = await store.SaveAsync(content, fileName, cancellationToken);
        return await RecordAsync(stored, owner, cancellationToken);
    }

    /// <summary>Checks and stores the upload without a row yet, for a photo that waits for its case (the inspector's
    /// report): the caller then calls <see cref="RecordAsync"/> or <see cref="Discard"/>.</summary>
    /// <exception cref="AttachmentRejectedException">Not an accepted image, or too large; nothing was stored.</exception>
    public Task<StoredAttachment> StoreAsync(Stream content, string? fileName, CancellationToken cancellationToken) =>
        store.SaveAsync(content, fileName, cancellationToken);

    /// <summary>Records the row of a stored photo; if that fails, deletes its files and rethrows.</summary>
    public async Task<Attachment> RecordAsync(StoredAttachment stored, AttachmentOwner owner, CancellationToken cancellationToken)
    {
        var row = stored.ToAttachment(owner.CityCode, owner.UploadedByUserId, owner.CaseId);
        db.Attachments.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // The context lives on in a page's request: it must not try to insert the row again with the next save.
            db.Entry(row).State = EntityState.Detached;
            store.Delete(stored.Id);
            throw;
        }
        return row;
    }

    /// <summary>Deletes the files of a stored photo that will not be recorded (its report was refused or replayed).</summary>
    public void Discard(StoredAttachment stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        store.Delete(stored.Id);
    }
}

/// <summary>Whose a photo is: the city, the staff user who sent it (null for a citizen) and its case (null while the
/// upload precedes the case).</summary>
public sealed record AttachmentOwner(string CityCode, int? UploadedByUserId, long? CaseId = null);
