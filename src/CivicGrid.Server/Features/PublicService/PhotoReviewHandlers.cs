using System.ComponentModel.DataAnnotations;
using CivicGrid.Data;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Features.Cases;
using CivicGrid.Server.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.PublicService;

/// <summary>Staff review of photos for the public (POST /api/v1/cases/{id}/attachments/{attachmentId}/publication):
/// shift leads, intake operators and administrators approve a photo (its metadata-free public copy then shows on the
/// tracking page and the public map) or withdraw it. Scope-checked like the case: out of scope = 404.</summary>
public static class PhotoReviewHandlers
{
    public const Roles Reviewers = Roles.ShiftLead | Roles.IntakeOperator | Roles.Administrator;

    public sealed record PublicationInput(
        [Required(ErrorMessage = "approved is required: true to publish, false to withdraw.")] bool? Approved);

    public sealed record PublicationDto(Guid Id, long CaseId, bool IsPublic, DateTimeOffset? PublicApprovedAt);

    public static async Task<Results<Ok<PublicationDto>, ValidationProblem, ProblemHttpResult>> Review(
        long id, Guid attachmentId, PublicationInput input, StaffPrincipal who, CivicGridDbContext db, TimeProvider time,
        ILogger<PublicPhotos> logger, CancellationToken cancellationToken)
    {
        var approved = input.Approved!.Value;
        if (await CaseReadHandlers.FindAsync(db, id, who, cancellationToken) is null)
            return await CaseReadHandlers.NotFound(db, id, who, "review the photos of", logger, cancellationToken);
        var photo = await db.Attachments.SingleOrDefaultAsync(a => a.Id == attachmentId && a.CaseId == id, cancellationToken);
        if (photo is null) return AccessCheck.NotFound($"photo {attachmentId} of case {id}");
        photo.IsPublic = approved;
        photo.PublicApprovedAt = approved ? time.GetUtcNow() : null;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new PublicationDto(photo.Id, id, photo.IsPublic, photo.PublicApprovedAt));
    }
}
