using System.Buffers.Binary;

namespace CivicGrid.Server.Platform.Attachments;

/// <summary>The decoders forgive a cut-off file (they fill the missing part with grey), so an upload that broke
/// off half-way would pass as a photo. This checks that the file's own structure reaches its end.</summary>
internal static class TruncationCheck
{
    private static readonly byte[] EndOfImage = [0xFF, 0xD9];

    public static bool IsComplete(ReadOnlySpan<byte> content, AttachmentImageFormat format) => format switch
    {
        AttachmentImageFormat.Jpeg => JpegIsComplete(content),
        AttachmentImageFormat.Png => PngIsComplete(content),
        AttachmentImageFormat.Webp => content.Length >= 12 && (long)BinaryPrimitives.ReadUInt32LittleEndian(content[4..8]) + 8 <= content.Length,
        _ => false,
    };

    /// <summary>Walks the marker segments to the first start of scan, then looks for the end-of-image marker.
    /// Inside scan data an FF byte is always followed by 00 or a restart marker, so FF D9 there is the real end;
    /// an EOI inside an EXIF thumbnail lies before the scan and does not count. Data after the EOI is allowed
    /// (phones append motion clips and trailers there).</summary>
    private static bool JpegIsComplete(ReadOnlySpan<byte> content)
    {
        var position = 2;
        while (position + 4 <= content.Length)
        {
            if (content[position] != 0xFF) return false;
            var marker = content[position + 1];
            if (marker == 0xFF) { position++; continue; } // fill byte
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7)) { position += 2; continue; } // markers without length
            if (marker == 0xD9) return false; // end of image before any scan
            var length = BinaryPrimitives.ReadUInt16BigEndian(content[(position + 2)..]);
            position += 2 + length;
            if (marker == 0xDA) return position <= content.Length && content[position..].IndexOf(EndOfImage) >= 0;
        }
        return false;
    }

    /// <summary>Walks the chunks from the signature to IEND; a chunk that runs past the end means truncation.</summary>
    private static bool PngIsComplete(ReadOnlySpan<byte> content)
    {
        var position = 8;
        while (position + 12 <= content.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(content[position..]);
            if (length > int.MaxValue || position + 12L + length > content.Length) return false;
            if (content.Slice(position + 4, 4).SequenceEqual("IEND"u8)) return true;
            position += 12 + (int)length;
        }
        return false;
    }
}
