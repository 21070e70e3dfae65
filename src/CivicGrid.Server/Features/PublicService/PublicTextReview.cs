using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.PublicService;
using CivicGrid.Server.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.PublicService;

/// <summary>Staff review of the words of a case for the public (公开内容审核): the description the reporter wrote and
/// the result note of the department's last feedback are shown on the public case page and in Open311 only once
/// staff approved them, in the words staff approved (they may shorten a text or remove a name first). Approving
/// null withdraws a text. Sensitive types show no text whatever is approved (<see cref="PublicCasePrivacy"/>).</summary>
public sealed class PublicTextReview(CivicGridDbContext db, TimeProvider time)
{
    /// <summary>The texts as written (staff only) beside what the public may see now.</summary>
    public sealed record Review(long CaseId, string Description, string? ResultNote, string? PublicDescription, DateTimeOffset? DescriptionApprovedAt,
        string? PublicResultNote, DateTimeOffset? ResultNoteApprovedAt, bool TypeIsSensitive);

    /// <summary>The texts to publish: a text approves it as given, null withdraws it.</summary>
    public sealed record Approval(string? Description, string? ResultNote);

    public async Task<Review> ReadAsync(Case @case, CancellationToken cancellationToken)
    {
        var approved = await db.CasePublicTexts.AsNoTracking().SingleOrDefaultAsync(t => t.CaseId == @case.Id, cancellationToken);
        var resultNote = await db.CaseHistory.AsNoTracking().Where(e => e.CaseId == @case.Id && e.Action == "feedback")
            .OrderByDescending(e => e.Sequence).Select(e => e.Note).FirstOrDefaultAsync(cancellationToken);
        var sensitive = @case.Kind is { } kind && @case.TypeCode is { } code
            && await db.CatalogueTypes.AsNoTracking().AnyAsync(t => t.Kind == kind && t.Code == code && t.IsSensitive, cancellationToken);
        return new Review(@case.Id, @case.Description, resultNote, approved?.Description, approved?.DescriptionApprovedAt,
            approved?.ResultNote, approved?.ResultNoteApprovedAt, sensitive);
    }

    /// <summary>The problems of an approval, keyed by field (empty when it is fine).</summary>
    public static FieldErrors Validate(Approval approval)
    {
        var errors = new FieldErrors();
        Check(errors, "description", approval.Description, CasePublicText.MaxDescriptionLength);
        Check(errors, "resultNote", approval.ResultNote, CasePublicText.MaxResultNoteLength);
        return errors;
    }

    /// <summary>Stores the approval (validate it first: <see cref="Validate"/>); a text unchanged keeps its approval time.</summary>
    public async Task<Review> ApproveAsync(Case @case, Approval approval, int? reviewerUserId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var row = await db.CasePublicTexts.SingleOrDefaultAsync(t => t.CaseId == @case.Id, cancellationToken);
        if (row is null) db.CasePublicTexts.Add(row = new CasePublicText { CaseId = @case.Id });
        var description = Trimmed(approval.Description);
        var resultNote = Trimmed(approval.ResultNote);
        if (description != row.Description) (row.Description, row.DescriptionApprovedAt) = (description, description is null ? null : now);
        if (resultNote != row.ResultNote) (row.ResultNote, row.ResultNoteApprovedAt) = (resultNote, resultNote is null ? null : now);
        row.ReviewedByUserId = reviewerUserId;
        await db.SaveChangesAsync(cancellationToken);
        return await ReadAsync(@case, cancellationToken);
    }

    private static void Check(FieldErrors errors, string field, string? text, int max)
    {
        if (text is null) return;
        if (string.IsNullOrWhiteSpace(text)) errors.Add(field, $"{field} must not be blank: send null to withdraw it.");
        else if (text.Trim().Length > max) errors.Add(field, $"{field} is at most {max} characters.");
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
