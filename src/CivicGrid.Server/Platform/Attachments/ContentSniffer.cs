using System.Text;
using System.Text.Unicode;

namespace CivicGrid.Server.Platform.Attachments;

/// <summary>Recognises an upload by its first bytes (magic numbers), never by its name or declared type.</summary>
public static class ContentSniffer
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly string[] HeifBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"];

    /// <summary>The accepted format the bytes start with, or null; <paramref name="description"/> then says what
    /// the content looks like instead ("text", "a GIF image" …) for the refusal message.</summary>
    public static AttachmentImageFormat? Recognise(ReadOnlySpan<byte> content, out string description)
    {
        description = "";
        if (content.Length >= 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF) return AttachmentImageFormat.Jpeg;
        if (content.StartsWith(Png)) return AttachmentImageFormat.Png;
        if (content.Length >= 12 && content[..4].SequenceEqual("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8))
            return AttachmentImageFormat.Webp;
        description = Describe(content);
        return null;
    }

    private static string Describe(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8)) return "a GIF image";
        if (content.StartsWith("%PDF"u8)) return "a PDF document";
        if (content.StartsWith("BM"u8)) return "a BMP image";
        if (content.StartsWith("II*\0"u8) || content.StartsWith("MM\0*"u8)) return "a TIFF image";
        if (content.StartsWith("PK\u0003\u0004"u8)) return "a ZIP archive or office document";
        if (content.Length >= 12 && content[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(content[8..12]);
            if (brand == "avif") return "an AVIF image, which is not supported: please send it as JPEG";
            if (HeifBrands.Contains(brand)) return "a HEIC/HEIF image, which is not supported: please send it as JPEG";
            return "a video or other ISO media file";
        }
        if (LooksLikeText(content))
        {
            var head = Encoding.UTF8.GetString(content[..Math.Min(content.Length, 1024)]);
            return head.Contains("<svg", StringComparison.OrdinalIgnoreCase) ? "an SVG drawing" : "text";
        }
        return "unrecognised binary data";
    }

    /// <summary>True when the first kilobyte is valid UTF-8 without control characters other than whitespace.</summary>
    private static bool LooksLikeText(ReadOnlySpan<byte> content)
    {
        var head = content[..Math.Min(content.Length, 1024)];
        if (head.StartsWith("\uFEFF"u8)) head = head[3..];
        // A multi-byte character cut at the end of the window is still text.
        if (content.Length > 1024)
        {
            for (var cut = 0; cut < 3 && (head[^1] & 0x80) != 0 && !Utf8.IsValid(head); cut++) head = head[..^1];
        }
        if (head.IsEmpty || !Utf8.IsValid(head)) return false;
        foreach (var b in head)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C)) return false;
        }
        return true;
    }
}
