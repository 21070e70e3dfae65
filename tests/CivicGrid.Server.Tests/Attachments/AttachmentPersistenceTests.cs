using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.Attachments;

public sealed class AttachmentPersistenceTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using var db = _database.CreateContext();
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task AStoredPhoto_RoundTripsThroughTheDatabase_NotPublicUntilReviewed()
    {
        using var store = new TestStore();
        var stored = await store.SaveAsync(TestImages.JpegWithGps(), "C:\\fakepath\\lamp.jpg");
        await using (var db = _database.CreateContext())
        {
            db.Attachments.Add(stored.ToAttachment("460100", uploadedByUserId: 7));
            await db.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext())
        {
            var row = await db.Attachments.SingleAsync(a => a.Id == stored.Id);
            Assert.Equal(stored.Id, row.Id);
            Assert.Equal(("460100", 7, (long?)null, (long?)null), (row.CityCode, row.UploadedByUserId, row.CaseId, row.HistoryEntryId));
            Assert.Equal(("lamp.jpg", "image/jpeg", stored.Sha256), (row.OriginalFileName, row.ContentType, row.Sha256));
            Assert.Equal((stored.ByteSize, 200, 400), (row.ByteSize, row.Width, row.Height));
            Assert.Equal(stored.StoragePath, row.StoragePath);
            Assert.Equal(store.Time.GetUtcNow(), row.UploadedAt);
            Assert.False(row.IsPublic);
        }
    }

    [Fact]
    public async Task AnUploadBeforeItsCase_IsStoredWithoutACase()
    {
        using var store = new TestStore();
        var stored = await store.SaveAsync(TestImages.Webp(64, 64), null);
        await using (var db = _database.CreateContext())
        {
            db.Attachments.Add(stored.ToAttachment("460100", uploadedByUserId: null));
            await db.SaveChangesAsync();
        }
        await using (var db = _database.CreateContext())
        {
            var row = await db.Attachments.SingleAsync();
            Assert.Null(row.CaseId);
            Assert.Null(row.OriginalFileName);
            Assert.Null(row.UploadedByUserId);
        }
    }
}
