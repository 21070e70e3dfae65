namespace CivicGrid.Domain.PublicService;

/// <summary>A public notice (公告), e.g. a rainy-day alert (雨天排水预警): shown to citizens while it is published,
/// for the whole city or only some districts.</summary>
public sealed class Notice
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 4000;

    public int Id { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public NoticeSeverity Severity { get; set; }
    /// <summary>Shown from this instant on.</summary>
    public DateTimeOffset PublishedFrom { get; set; }
    /// <summary>Shown until this instant (exclusive); null: until withdrawn.</summary>
    public DateTimeOffset? PublishedUntil { get; set; }
    /// <summary>District codes (6 digits), comma-separated; null: the whole city.</summary>
    public string? DistrictCodes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int? CreatedByUserId { get; set; }

    /// <summary>True while the notice is published at <paramref name="now"/>.</summary>
    public bool IsCurrentAt(DateTimeOffset now) => PublishedFrom <= now && (PublishedUntil is null || now < PublishedUntil);

    public IReadOnlyList<string> Districts =>
        string.IsNullOrEmpty(DistrictCodes) ? [] : DistrictCodes.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>How urgent a notice is: information, a warning, or an alert (预警).</summary>
public enum NoticeSeverity { Info, Warning, Alert }
