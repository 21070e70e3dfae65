namespace CivicGrid.Domain.PublicService;

/// <summary>The words of a case staff approved for the public (公开内容审核): the description and the result note as
/// staff let them be shown (they may shorten them or remove a name first). Until a text is approved no public surface
/// shows it (the public case page, Open311); a withdrawn text is null again. One row per case.</summary>
public sealed class CasePublicText
{
    public const int MaxDescriptionLength = 4000;
    public const int MaxResultNoteLength = 1000;

    public long CaseId { get; set; }
    /// <summary>The description as approved for the public; null: not approved (or withdrawn).</summary>
    public string? Description { get; set; }
    public DateTimeOffset? DescriptionApprovedAt { get; set; }
    /// <summary>The result of handling (处置结果), from the department's feedback, as approved; null: not approved.</summary>
    public string? ResultNote { get; set; }
    public DateTimeOffset? ResultNoteApprovedAt { get; set; }
    /// <summary>The member of staff who last changed the approval.</summary>
    public int? ReviewedByUserId { get; set; }
}
