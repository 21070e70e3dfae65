using System.Security.Cryptography;
using CivicGrid.Server.Platform.Attachments;
using SixLabors.ImageSharp;

namespace CivicGrid.Server.Tests.Attachments;

public sealed class AttachmentStoreTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Save_WritesThreeFilesNamedByAServerGuid_UnderAttachmentsYearMonth_NeverTheClientName()
    {
        var stored = await _store.SaveAsync(TestImages.JpegWithGps(), "../../etc/passwd.jpg");

        Assert.Equal(7, stored.Id.Version);
        Assert.Equal($"attachments/2026/11/{stored.Id:D}", stored.StoragePath);
        Assert.Equal(
            [
                $"attachments/2026/11/{stored.Id:D}.original.jpg",
                $"attachments/2026/11/{stored.Id:D}.public.jpg",
                $"attachments/2026/11/{stored.Id:D}.thumb.jpg",
            ],
            _store.Files().Where(f => f.StartsWith("attachments/", StringComparison.Ordinal)));
        Assert.DoesNotContain(_store.Files(), f => f.Contains("passwd", StringComparison.Ordinal));
        Assert.Equal("passwd.jpg", stored.OriginalFileName);
    }

    [Fact]
    public async Task Save_ReturnsTypeSizeDimensionsHashAndTheUploadTime()
    {
        var upload = TestImages.Webp(640, 480);
        _store.Time.Advance(TimeSpan.FromDays(40));

        var stored = await _store.SaveAsync(upload, "street.webp");

        Assert.Equal("image/webp", stored.ContentType);
        Assert.Equal(upload.Length, stored.ByteSize);
        Assert.Equal((640, 480), (stored.Width, stored.Height));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(upload)), stored.Sha256);
        Assert.Equal(_store.Time.GetUtcNow(), stored.UploadedAt);
        Assert.StartsWith("attachments/2027/01/", stored.StoragePath, StringComparison.Ordinal);
        Assert.Equal(AttachmentImageFormat.Webp, ContentSniffer.Recognise(await _store.ReadAsync(stored.Id, AttachmentVariant.Public), out _));
    }

    [Fact]
    public async Task Save_LeavesNoTemporaryFilesBehind()
    {
        await _store.SaveAsync(TestImages.Jpeg(100, 100));
        await _store.SaveAsync(TestImages.Jpeg(100, 100));
        Assert.Equal(6, _store.Files().Count);
        Assert.DoesNotContain(_store.Files(), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(4000, 3000, 320, 240)]
    [InlineData(1000, 500, 320, 160)]
    [InlineData(500, 1000, 160, 320)]
    [InlineData(100, 50, 100, 50)]
    public async Task TheThumbnail_HasTheConfiguredLongEdge_KeepsTheAspect_AndIsNeverEnlarged(int width, int height, int thumbWidth, int thumbHeight)
    {
        var stored = await _store.SaveAsync(TestImages.Jpeg(width, height));

        var thumbnail = await _store.Store.OpenAsync(stored.Id, AttachmentVariant.Thumbnail, CancellationToken.None);
        Assert.NotNull(thumbnail);
        Assert.Equal("image/jpeg", thumbnail.ContentType);
        using var image = await Image.LoadAsync(thumbnail.Stream);
        await thumbnail.Stream.DisposeAsync();
        Assert.Equal((thumbWidth, thumbHeight), (image.Width, image.Height));
    }

    [Fact]
    public async Task ThePublicCopy_IsScaledDownToPublicMaxEdge()
    {
        using var store = new TestStore(new AttachmentOptions { PublicMaxEdge = 512, ThumbnailSize = 100 });
        var stored = await store.SaveAsync(TestImages.PngWithLocationText(1000, 500), "plan.png");

        Assert.Equal((1000, 500), (stored.Width, stored.Height));
        using var publicCopy = Image.Load(await store.ReadAsync(stored.Id, AttachmentVariant.Public));
        Assert.Equal((512, 256), (publicCopy.Width, publicCopy.Height));
        using var thumbnail = Image.Load(await store.ReadAsync(stored.Id, AttachmentVariant.Thumbnail));
        Assert.Equal((100, 50), (thumbnail.Width, thumbnail.Height));
    }

    [Fact]
    public async Task Open_ReturnsEachCopyWithItsContentType()
    {
        var upload = TestImages.PngWithLocationText(400, 300);
        var stored = await _store.SaveAsync(upload, "x.png");

        foreach (var (variant, type) in new[]
                 { (AttachmentVariant.Original, "image/png"), (AttachmentVariant.Public, "image/png"), (AttachmentVariant.Thumbnail, "image/jpeg") })
        {
            var content = await _store.Store.OpenAsync(stored.Id, variant, CancellationToken.None);
            Assert.NotNull(content);
            await using (content.Stream) Assert.Equal(type, content.ContentType);
        }
        Assert.Equal(upload, await _store.ReadAsync(stored.Id, AttachmentVariant.Original));
    }

    [Fact]
    public async Task Open_ForAnUnknownOrForeignId_ReturnsNull()
    {
        await _store.SaveAsync(TestImages.Jpeg(50, 50));
        Assert.Null(await _store.Store.OpenAsync(Guid.CreateVersion7(_store.Time.GetUtcNow()), AttachmentVariant.Original, CancellationToken.None));
        Assert.Null(await _store.Store.OpenAsync(Guid.NewGuid(), AttachmentVariant.Original, CancellationToken.None));
        Assert.Null(await _store.Store.OpenAsync(Guid.Empty, AttachmentVariant.Public, CancellationToken.None));
    }

    [Fact]
    public async Task Delete_RemovesAllThreeFiles()
    {
        var stored = await _store.SaveAsync(TestImages.Jpeg(50, 50));
        Assert.True(_store.Store.Delete(stored.Id));
        Assert.DoesNotContain(_store.Files(), f => f.StartsWith("attachments/", StringComparison.Ordinal));
        Assert.False(_store.Store.Delete(stored.Id));
    }
}
