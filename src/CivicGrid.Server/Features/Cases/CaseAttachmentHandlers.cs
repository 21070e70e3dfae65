using CivicGrid.Data;
using CivicGrid.Server.Platform.Attachments;
using CivicGrid.Server.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using CivicGrid.Server.Platform.Errors;

namespace CivicGrid.Server.Features.Cases;

/// <summary>Photos of a case: upload (checked by content, see <see cref="AttachmentStore"/>), list and download.</summary>
public static class CaseAttachmentHandlers
{
    public sealed record AttachmentDto(Guid Id, string ContentType, int Width, int Height, long ByteSize, string? OriginalFileName,
        long? HistoryEntryId, bool IsPublic, DateTimeOffset UploadedAt);

    public static async Task<Results<Created<AttachmentDto>, ValidationProblem, ProblemHttpResult>> Upload(
        long id, IFormFile? file, StaffPrincipal who, CivicGridDbContext db, AttachmentUploads uploads, ILogger<AttachmentStore> logger,
        CancellationToken cancellationToken)
    {
        var @case = await CaseReadHandlers.FindAsync(db, id, who, cancellationToken);
        if (@case is null) return await CaseReadHandlers.NotFound(db, id, who, "attach a photo to", logger, cancellationToken);
        if (file is null) throw FieldErrors.Invalid("file", "Send the photo as the multipart field 'file'.");
        Domain.Attachments.Attachment row;
        try
        {
            await using var content = file.OpenReadStream();
            row = await uploads.SaveAsync(content, file.FileName, new AttachmentOwner(@case.CityCode, who.UserId, @case.Id), cancellationToken);
        }
        catch (AttachmentRejectedException rejected) when (rejected.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem(title: "Photo too large", detail: rejected.Detail, statusCode: rejected.StatusCode);
        }
        catch (AttachmentRejectedException rejected)
        {
            throw FieldErrors.Invalid("file", rejected.Detail);
        }
        return TypedResults.Created($"/api/v1/cases/{id}/attachments/{row.Id}", ToDto(row));
    }

    public static async Task<Results<Ok<List<AttachmentDto>>, ProblemHttpResult>> List(
        long id, StaffPrincipal who, CivicGridDbContext db, CaseViews views, ILogger<AttachmentStore> logger, CancellationToken cancellationToken)
    {
        if (await CaseReadHandlers.FindAsync(db, id, who, cancellationToken) is null)
            return await CaseReadHandlers.NotFound(db, id, who, "list the photos of", logger, cancellationToken);
        var rows = await views.PhotosAsync(id, cancellationToken);
        return TypedResults.Ok(rows.Select(ToDto).ToList());
    }

    public static async Task<Results<FileStreamHttpResult, ValidationProblem, ProblemHttpResult>> Download(
        long id, Guid attachmentId, string? variant, HttpResponse response, StaffPrincipal who, CivicGridDbContext db,
        AttachmentStore store, ILogger<AttachmentStore> logger, CancellationToken cancellationToken)
    {
        var chosen = AttachmentVariant.Public;
        if (!string.IsNullOrEmpty(variant) && !Enum.TryParse(variant, ignoreCase: true, out chosen))
            throw FieldErrors.Invalid("variant", "variant must be original, public or thumbnail.");
        if (await CaseReadHandlers.FindAsync(db, id, who, cancellationToken) is null)
            return await CaseReadHandlers.NotFound(db, id, who, "download a photo of", logger, cancellationToken);
        var owned = await db.Attachments.AnyAsync(a => a.Id == attachmentId && a.CaseId == id, cancellationToken);
        var content = owned ? await store.OpenAsync(attachmentId, chosen, cancellationToken) : null;
        if (content is null) return AccessCheck.NotFound($"photo {attachmentId} of case {id}");
        response.Headers.XContentTypeOptions = "nosniff";
        return chosen == AttachmentVariant.Original
            ? TypedResults.File(content.Stream, content.ContentType, $"{attachmentId}.original")
            : TypedResults.File(content.Stream, content.ContentType);
    }

    private static AttachmentDto ToDto(Domain.Attachments.Attachment a) =>
        new(a.Id, a.ContentType, a.Width, a.Height, a.ByteSize, a.OriginalFileName, a.HistoryEntryId, a.IsPublic, a.UploadedAt);
}
