namespace CivicGrid.Server.Features.PublicService;

/// <summary>What the holder of a tracking token sees: no contact, no staff names, no notes, only approved photos.</summary>
public sealed record PublicCaseView(
    string Number,
    string? Kind,
    string? TypeCode,
    string? TypeName,
    string? TypeNameEn,
    string Status,
    string StatusLabel,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<PublicTimeline.Step> Timeline,
    IReadOnlyList<PublicPhoto> Photos,
    PublicRating? Rating,
    bool CanRate);

/// <summary>A photo staff approved for the public; the URLs serve the metadata-free public copy and the thumbnail.</summary>
public sealed record PublicPhoto(Guid Id, int Width, int Height, string Url, string ThumbnailUrl)
{
    public static PublicPhoto Of(Guid id, int width, int height) =>
        new(id, width, height, $"/api/public/photos/{id}", $"/api/public/photos/{id}?variant=thumbnail");
}

public sealed record PublicRating(int Score, string? Comment, DateTimeOffset RatedAt);

/// <summary>What became of a rating.</summary>
public enum RatingOutcome
{
    Accepted,
    /// <summary>No case holds this token.</summary>
    UnknownToken,
    /// <summary>The case is not closed (yet).</summary>
    NotClosed,
    /// <summary>The case was rated already.</summary>
    AlreadyRated,
}
