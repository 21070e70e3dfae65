using CivicGrid.Server.Platform.Attachments;

namespace CivicGrid.Server.Tests.Attachments;

public sealed class UploadNamesAndContentTests
{
    [Theory]
    [InlineData("../../etc/passwd.jpg", "passwd.jpg")]
    [InlineData(@"C:\Users\li\Pictures\路灯.JPG", "路灯.JPG")]
    [InlineData("photo\u202Egpj.exe", "photogpj.exe")]
    [InlineData("line\r\nbreak.png", "linebreak.png")]
    [InlineData(".hidden.jpg", "hidden.jpg")]
    [InlineData("   ", null)]
    [InlineData("dir/", null)]
    [InlineData(null, null)]
    public void OriginalFileName_KeepsOnlyAPlainLastSegment(string? name, string? expected) =>
        Assert.Equal(expected, OriginalFileName.Sanitise(name));

    [Fact]
    public void OriginalFileName_IsCutAt255Characters() =>
        Assert.Equal(255, OriginalFileName.Sanitise(new string('a', 1000) + ".jpg")!.Length);

    [Fact]
    public void ContentSniffer_RecognisesTheThreeFormats_ByTheirBytes()
    {
        Assert.Equal(AttachmentImageFormat.Jpeg, ContentSniffer.Recognise(TestImages.Jpeg(8, 8), out _));
        Assert.Equal(AttachmentImageFormat.Png, ContentSniffer.Recognise(TestImages.PngWithLocationText(8, 8), out _));
        Assert.Equal(AttachmentImageFormat.Webp, ContentSniffer.Recognise(TestImages.Webp(8, 8), out _));
    }

    [Theory]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x41, 0x56, 0x45 }, "unrecognised binary data")] // RIFF WAVE
    [InlineData(new byte[] { 0x42, 0x4D, 0x3A, 0, 0, 0 }, "a BMP image")]
    [InlineData(new byte[] { 0x50, 0x4B, 3, 4, 20, 0 }, "a ZIP archive or office document")]
    [InlineData(new byte[] { 0xFF, 0xD8 }, "unrecognised binary data")] // two bytes are not yet a JPEG
    public void ContentSniffer_DescribesWhatItRefuses(byte[] content, string description)
    {
        Assert.Null(ContentSniffer.Recognise(content, out var said));
        Assert.Equal(description, said);
    }
}
