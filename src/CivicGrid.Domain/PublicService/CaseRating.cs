namespace CivicGrid.Domain.PublicService;

/// <summary>The citizen's rating of a closed case (满意度评价): one per case, 1–5 with an optional comment. The
/// satisfaction indicator of the evaluation reads it.</summary>
public sealed class CaseRating
{
    public const int MaxCommentLength = 500;

    public long CaseId { get; set; }
    /// <summary>1 (very unsatisfied) … 5 (very satisfied).</summary>
    public int Score { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset RatedAt { get; set; }
}
