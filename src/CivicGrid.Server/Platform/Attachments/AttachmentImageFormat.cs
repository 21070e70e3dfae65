namespace CivicGrid.Server.Platform.Attachments;

/// <summary>The image formats accepted as attachments.</summary>
public enum AttachmentImageFormat
{
    Jpeg,
    Png,
    Webp,
}

public static class AttachmentImageFormats
{
    public static string ContentType(this AttachmentImageFormat format) => format switch
    {
        AttachmentImageFormat.Jpeg => "image/jpeg",
        AttachmentImageFormat.Png => "image/png",
        AttachmentImageFormat.Webp => "image/webp",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static string Extension(this AttachmentImageFormat format) => format switch
    {
        AttachmentImageFormat.Jpeg => "jpg",
        AttachmentImageFormat.Png => "png",
        AttachmentImageFormat.Webp => "webp",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
