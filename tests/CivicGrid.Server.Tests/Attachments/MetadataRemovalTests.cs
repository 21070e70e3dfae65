using CivicGrid.Server.Platform.Attachments;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace CivicGrid.Server.Tests.Attachments;

public sealed class MetadataRemovalTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task TheOriginal_IsKeptByteForByte_WithItsGpsPosition()
    {
        var upload = TestImages.JpegWithGps();
        var stored = await _store.SaveAsync(upload);

        var original = await _store.ReadAsync(stored.Id, AttachmentVariant.Original);
        Assert.Equal(upload, original);
        using var image = Image.Load(original);
        var exif = image.Metadata.ExifProfile;
        Assert.NotNull(exif);
        Assert.Equal("N", exif.GetValue(ExifTag.GPSLatitudeRef)?.Value);
        Assert.Equal(20u, exif.GetValue(ExifTag.GPSLatitude)?.Value[0].Numerator);
        Assert.Equal(110u, exif.GetValue(ExifTag.GPSLongitude)?.Value[0].Numerator);
        Assert.Contains(JpegSegments.Read(original), segment => segment.Marker == JpegSegments.App1);
    }

    [Theory]
    [InlineData(AttachmentVariant.Public)]
    [InlineData(AttachmentVariant.Thumbnail)]
    public async Task ThePublicCopyAndTheThumbnail_CarryNoExifNoGpsAndNoCameraMake(AttachmentVariant variant)
    {
        var stored = await _store.SaveAsync(TestImages.JpegWithGps());

        var bytes = await _store.ReadAsync(stored.Id, variant);
        using var image = Image.Load(bytes);
        Assert.Null(image.Metadata.ExifProfile);
        Assert.Null(image.Metadata.XmpProfile);
        Assert.Null(image.Metadata.IptcProfile);
        Assert.DoesNotContain(JpegSegments.Read(bytes), segment => segment.Marker == JpegSegments.App1);
        Assert.False(JpegSegments.ContainsMetadataTraces(bytes), "EXIF, XMP or the camera make is still in the bytes.");
    }

    [Fact]
    public async Task TheOrientation_IsAppliedToThePixels_SoThePublicCopyLooksAsTheCameraMeantIt()
    {
        // Stored 400 × 200, red left and blue right; orientation 6 shows it turned 90° clockwise: 200 × 400,
        // red on top, blue below.
        var stored = await _store.SaveAsync(TestImages.JpegWithGps(400, 200));

        Assert.Equal((200, 400), (stored.Width, stored.Height));
        using var image = Image.Load<Rgba32>(await _store.ReadAsync(stored.Id, AttachmentVariant.Public));
        Assert.Equal((200, 400), (image.Width, image.Height));
        var top = image[100, 20];
        var bottom = image[100, 380];
        Assert.True(top.R > 200 && top.B < 60, $"Top should be red, is {top}.");
        Assert.True(bottom.B > 200 && bottom.R < 60, $"Bottom should be blue, is {bottom}.");
    }

    [Fact]
    public async Task APngsTextChunks_DoNotReachThePublicCopy_ButItStaysAPngWithTransparency()
    {
        var upload = TestImages.PngWithLocationText();
        Assert.True(JpegSegments.IndexOf(upload, "Longhua"u8) >= 0, "The test PNG should carry the text.");

        var stored = await _store.SaveAsync(upload, "map.png");

        var bytes = await _store.ReadAsync(stored.Id, AttachmentVariant.Public);
        Assert.False(JpegSegments.ContainsMetadataTraces(bytes));
        Assert.Equal(AttachmentImageFormat.Png, ContentSniffer.Recognise(bytes, out _));
        using var image = Image.Load<Rgba32>(bytes);
        Assert.Equal(0, image[0, 0].A);
        Assert.Empty(image.Metadata.GetPngMetadata().TextData);
    }

    [Fact]
    public async Task DataAppendedAfterTheImage_StaysInTheOriginalOnly()
    {
        // A polyglot that is also a real JPEG: accepted, but the public copy is re-encoded from the pixels.
        var payload = "<html><script>alert(1)</script></html>"u8.ToArray();
        var upload = TestImages.Jpeg(300, 200).Concat(payload).ToArray();

        var stored = await _store.SaveAsync(upload);

        Assert.True(JpegSegments.IndexOf(await _store.ReadAsync(stored.Id, AttachmentVariant.Original), payload) >= 0);
        Assert.True(JpegSegments.IndexOf(await _store.ReadAsync(stored.Id, AttachmentVariant.Public), "<script"u8) < 0);
        Assert.True(JpegSegments.IndexOf(await _store.ReadAsync(stored.Id, AttachmentVariant.Thumbnail), "<script"u8) < 0);
    }
}
