namespace CivicGrid.Server.Platform.Attachments;

/// <summary>The "Attachments" configuration section: limits on uploaded photos and the sizes of their copies.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>Largest accepted upload in bytes (default 10 MB).</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest accepted image in pixels, width × height (default 24 megapixels, a 6000 × 4000 camera photo);
    /// checked against the header before decoding. Decoding takes 4 bytes a pixel and the copies as much again: about
    /// 200 MB per upload at the default (docs/operations.md, Sizing).</summary>
    public long MaxPixels { get; set; } = 24_000_000;

    /// <summary>Long edge of the thumbnail in pixels (default 320).</summary>
    public int ThumbnailSize { get; set; } = 320;

    /// <summary>Long edge of the public copy in pixels (default 2048); larger photos are scaled down.</summary>
    public int PublicMaxEdge { get; set; } = 2048;

    /// <summary>Problems with these settings, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxBytes is < 1024 or > 1024L * 1024 * 1024)
            problems.Add($"{Section}:MaxBytes must be between 1024 and 1073741824 bytes (got {MaxBytes}).");
        if (MaxPixels is < 1 or > 500_000_000)
            problems.Add($"{Section}:MaxPixels must be between 1 and 500000000 (got {MaxPixels}).");
        if (ThumbnailSize is < 16 or > 4096)
            problems.Add($"{Section}:ThumbnailSize must be between 16 and 4096 pixels (got {ThumbnailSize}).");
        if (PublicMaxEdge is < 16 or > 16384)
            problems.Add($"{Section}:PublicMaxEdge must be between 16 and 16384 pixels (got {PublicMaxEdge}).");
        else if (PublicMaxEdge < ThumbnailSize)
            problems.Add($"{Section}:PublicMaxEdge ({PublicMaxEdge}) must not be smaller than {Section}:ThumbnailSize ({ThumbnailSize}).");
        return problems;
    }
}
