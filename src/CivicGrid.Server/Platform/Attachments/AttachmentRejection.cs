namespace CivicGrid.Server.Platform.Attachments;

/// <summary>Why an upload was refused.</summary>
public enum AttachmentRejection
{
    /// <summary>No bytes at all.</summary>
    Empty,
    /// <summary>More bytes than Attachments:MaxBytes: answer 413 Content Too Large.</summary>
    TooLarge,
    /// <summary>The bytes are not JPEG, PNG or WebP (text, GIF, SVG, PDF, HEIC …).</summary>
    NotAnAcceptedImage,
    /// <summary>The header says JPEG, PNG or WebP but the image does not decode (truncated, garbage, polyglot).</summary>
    Undecodable,
    /// <summary>More pixels than Attachments:MaxPixels.</summary>
    TooManyPixels,
}
