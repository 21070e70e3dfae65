using System.Text;
using CivicGrid.Server.Platform.Attachments;

namespace CivicGrid.Server.Tests.Attachments;

public sealed class UploadRefusalTests : IDisposable
{
    private readonly TestStore _store = new(new AttachmentOptions { MaxBytes = 64 * 1024, MaxPixels = 4_000_000 });

    public void Dispose() => _store.Dispose();

    private async Task<AttachmentRejectedException> RefusedAndNothingStoredAsync(byte[] content, string fileName = "photo.jpg")
    {
        var refusal = await _store.RefuseAsync(content, fileName);
        Assert.Empty(_store.Files());
        Assert.StartsWith("file: ", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(refusal.Message, Assert.Single(refusal.ToValidationErrors()["file"]));
        return refusal;
    }

    [Fact]
    public async Task ATextFileNamedPhotoJpg_IsRefusedAsText()
    {
        var refusal = await RefusedAndNothingStoredAsync(Encoding.UTF8.GetBytes("Dear city, the lamp on Longhua Road is out.\n"));
        Assert.Equal(AttachmentRejection.NotAnAcceptedImage, refusal.Reason);
        Assert.Equal("file: not a JPEG, PNG or WebP image (the content is text).", refusal.Message);
        Assert.Equal(400, refusal.StatusCode);
    }

    [Fact]
    public async Task AnEmptyFile_IsRefusedAsEmpty()
    {
        var refusal = await RefusedAndNothingStoredAsync([]);
        Assert.Equal(AttachmentRejection.Empty, refusal.Reason);
        Assert.Equal("file: the file is empty.", refusal.Message);
    }

    [Fact]
    public async Task AJpegHeaderWithoutAnImage_IsRefusedAsUndecodable()
    {
        var headerOnly = TestImages.Jpeg(200, 100)[..20];
        var refusal = await RefusedAndNothingStoredAsync(headerOnly);
        Assert.Equal(AttachmentRejection.Undecodable, refusal.Reason);
        Assert.Contains("incomplete", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jpeg")]
    [InlineData("png")]
    [InlineData("webp")]
    public async Task AnImageCutOffHalfWay_IsRefusedAsIncomplete_ThoughTheDecoderWouldFillInGrey(string format)
    {
        var whole = format switch
        {
            "jpeg" => TestImages.Noise(150, 100, "jpeg"),
            "png" => TestImages.Noise(150, 100, "png"),
            _ => TestImages.Noise(150, 100, "webp"),
        };
        var refusal = await RefusedAndNothingStoredAsync(whole[..(whole.Length / 2)]);
        Assert.Equal(AttachmentRejection.Undecodable, refusal.Reason);
        Assert.Contains("incomplete", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARealGif_IsRefusedNamingGif()
    {
        var refusal = await RefusedAndNothingStoredAsync(TestImages.Gif(), "photo.gif");
        Assert.Equal(AttachmentRejection.NotAnAcceptedImage, refusal.Reason);
        Assert.Equal("file: not a JPEG, PNG or WebP image (the content is a GIF image).", refusal.Message);
    }

    [Fact]
    public async Task AnSvg_IsRefusedNamingSvg()
    {
        var svg = """<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="9" height="9"/></svg>""";
        var refusal = await RefusedAndNothingStoredAsync(Encoding.UTF8.GetBytes(svg), "photo.png");
        Assert.Equal("file: not a JPEG, PNG or WebP image (the content is an SVG drawing).", refusal.Message);
    }

    [Fact]
    public async Task APdf_IsRefusedNamingPdf()
    {
        var refusal = await RefusedAndNothingStoredAsync("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj"u8.ToArray());
        Assert.Contains("a PDF document", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHeicPhoto_IsRefusedWithAHintToSendJpeg()
    {
        byte[] heic = [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8, .. new byte[64]];
        var refusal = await RefusedAndNothingStoredAsync(heic, "IMG_0001.HEIC");
        Assert.Equal(AttachmentRejection.NotAnAcceptedImage, refusal.Reason);
        Assert.Contains("HEIC", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("send it as JPEG", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileOverTheSizeLimit_IsRefusedWith413_NamingTheLimit_AndIsNotReadToTheEnd()
    {
        using var big = new CountingStream(new byte[10 * 1024 * 1024]);
        var refusal = await Assert.ThrowsAsync<AttachmentRejectedException>(
            () => _store.Store.SaveAsync(big, "big.jpg", CancellationToken.None));

        Assert.Equal(AttachmentRejection.TooLarge, refusal.Reason);
        Assert.Equal(413, refusal.StatusCode);
        Assert.Equal("file: larger than the limit of 64 KB (65536 bytes, Attachments:MaxBytes).", refusal.Message);
        Assert.Equal(64 * 1024 + 1, big.BytesRead);
        Assert.Empty(_store.Files());
    }

    [Fact]
    public async Task AFileOfExactlyTheSizeLimit_IsAccepted()
    {
        var jpeg = TestImages.Jpeg(64, 64);
        var padded = jpeg.Concat(new byte[64 * 1024 - jpeg.Length]).ToArray();
        var stored = await _store.SaveAsync(padded);
        Assert.Equal(64 * 1024, stored.ByteSize);
    }

    [Fact]
    public async Task AnImageWithMorePixelsThanTheLimit_IsRefusedBeforeDecoding()
    {
        // 2500 × 2000 = 5 MP over a 4 MP limit, yet a small file: a flat PNG compresses to almost nothing.
        var refusal = await RefusedAndNothingStoredAsync(TestImages.PngWithLocationText(2500, 2000), "flat.png");
        Assert.Equal(AttachmentRejection.TooManyPixels, refusal.Reason);
        Assert.Contains("2500 × 2000", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Attachments:MaxPixels", refusal.Message, StringComparison.Ordinal);
    }

    /// <summary>A readable stream that counts what the store reads from it (a wrapper, so no read counts twice).</summary>
    private sealed class CountingStream(byte[] content) : Stream
    {
        private readonly MemoryStream _inner = new(content);

        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = _inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = _inner.Read(buffer.Span);
            BytesRead += read;
            return ValueTask.FromResult(read);
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
