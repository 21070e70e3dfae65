namespace CivicGrid.Server.Platform.Attachments;

/// <summary>The three stored copies of a photo.</summary>
public enum AttachmentVariant
{
    /// <summary>The bytes exactly as uploaded, metadata and all: evidence, for staff only.</summary>
    Original,
    /// <summary>Re-encoded, orientation applied, no metadata (no EXIF, GPS, XMP, ICC, text chunks), long edge at
    /// most Attachments:PublicMaxEdge: the copy citizens may see once staff have reviewed it.</summary>
    Public,
    /// <summary>JPEG, long edge Attachments:ThumbnailSize (smaller photos are not enlarged), no metadata.</summary>
    Thumbnail,
}
