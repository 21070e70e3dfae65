namespace CivicGrid.Server.Features.PublicService;

/// <summary>One case as anyone may see it (the public case page /public/cases/{number} and GET /api/public/cases/{number}):
/// public fields only, through <see cref="PublicCasePrivacy"/>. The description and the result note appear once staff
/// approved them (<see cref="PublicTextReview"/>), photos once staff approved each; photos taken before handling and
/// those of the department's feedback (and later steps) are apart, to be shown side by side. The rating is its score
/// only (the comment is the citizen's own words, shown to the token holder alone).</summary>
public sealed record PublicCaseDetails(
    string Number,
    string? Kind,
    string? TypeCode,
    string? TypeName,
    string? TypeNameEn,
    string Status,
    string StatusLabel,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    double Longitude,
    double Latitude,
    bool PositionBlurred,
    string? Address,
    string? Description,
    string? DepartmentName,
    string? DepartmentNameEn,
    string? ResultNote,
    IReadOnlyList<PublicTimeline.Step> Timeline,
    IReadOnlyList<PublicPhoto> PhotosBefore,
    IReadOnlyList<PublicPhoto> PhotosAfter,
    int? RatingScore)
{
    /// <summary>The public page of a case.</summary>
    public static string PageUrl(string number) => $"/public/cases/{Uri.EscapeDataString(number)}";
}
