namespace CivicGrid.Domain.Attachments;

/// <summary>A photo attached to a case or to one step of its history (附件). The image itself lives in the data
/// directory as three files (see <see cref="StoragePath"/>); this row is its catalogue entry.</summary>
public sealed class Attachment
{
    /// <summary>A version-7 Guid made by the server; it also names the files.</summary>
    public Guid Id { get; set; }
    public required string CityCode { get; set; }
    /// <summary>Null while the upload precedes the case, or when the photo belongs to a history entry only.</summary>
    public long? CaseId { get; set; }
    /// <summary>The step of the case history (transition) the photo documents, if any.</summary>
    public long? HistoryEntryId { get; set; }
    /// <summary>The client's file name, sanitised (no folders, no control characters); metadata only, never a path.</summary>
    public string? OriginalFileName { get; set; }
    /// <summary>Content type of the original as recognised from its bytes: image/jpeg, image/png or image/webp.</summary>
    public required string ContentType { get; set; }
    /// <summary>Size of the original in bytes.</summary>
    public long ByteSize { get; set; }
    /// <summary>Width as displayed (EXIF orientation applied), in pixels.</summary>
    public int Width { get; set; }
    /// <summary>Height as displayed (EXIF orientation applied), in pixels.</summary>
    public int Height { get; set; }
    /// <summary>SHA-256 of the original bytes, 64 lowercase hex digits.</summary>
    public required string Sha256 { get; set; }
    /// <summary>Relative to the data directory, '/'-separated, without suffix, e.g. "attachments/2026/11/{Id}".
    /// The files are this plus ".original.{ext}" (as uploaded, staff only), ".public.{ext}" (re-encoded, no
    /// metadata) and ".thumb.jpg".</summary>
    public required string StoragePath { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public int? UploadedByUserId { get; set; }
    /// <summary>Staff reviewed the photo and allow the public copy to be shown to citizens. False until then.</summary>
    public bool IsPublic { get; set; }
    /// <summary>When staff approved the photo for the public (null: not approved, or withdrawn).</summary>
    public DateTimeOffset? PublicApprovedAt { get; set; }
}
