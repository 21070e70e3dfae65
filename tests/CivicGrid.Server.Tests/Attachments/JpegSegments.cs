using System.Text;

namespace CivicGrid.Server.Tests.Attachments;

/// <summary>Reads the marker segments of a JPEG up to the start of scan, independently of any image library.</summary>
internal static class JpegSegments
{
    public const byte App1 = 0xE1; // EXIF and XMP live here

    public static IReadOnlyList<(byte Marker, byte[] Payload)> Read(byte[] jpeg)
    {
        Assert.True(jpeg.Length > 4 && jpeg[0] == 0xFF && jpeg[1] == 0xD8, "Not a JPEG.");
        var segments = new List<(byte, byte[])>();
        var position = 2;
        while (position + 4 <= jpeg.Length)
        {
            Assert.Equal(0xFF, jpeg[position]);
            var marker = jpeg[position + 1];
            var length = (jpeg[position + 2] << 8) | jpeg[position + 3];
            segments.Add((marker, jpeg[(position + 4)..(position + 2 + length)]));
            if (marker == 0xDA) break; // start of scan: entropy-coded data follows
            position += 2 + length;
        }
        return segments;
    }

    /// <summary>True when the bytes anywhere contain the EXIF header, an XMP packet or the test's GPS text.</summary>
    public static bool ContainsMetadataTraces(byte[] bytes) =>
        IndexOf(bytes, "Exif\0\0"u8) >= 0 || IndexOf(bytes, "http://ns.adobe.com/xap"u8) >= 0
        || IndexOf(bytes, Encoding.ASCII.GetBytes("CivicGridTestCam")) >= 0 || IndexOf(bytes, "Longhua"u8) >= 0;

    public static int IndexOf(byte[] bytes, ReadOnlySpan<byte> pattern) => bytes.AsSpan().IndexOf(pattern);
}
