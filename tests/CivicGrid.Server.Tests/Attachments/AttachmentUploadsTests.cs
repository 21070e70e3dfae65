using CivicGrid.Server.Platform.Attachments;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.Attachments;

/// <summary>The one way photos come in (<see cref="AttachmentUploads"/>, used by the case API, the public photo upload,
/// the case page and the inspector's report): a row that cannot be saved takes its files with it.</summary>
public abstract class AttachmentUploadsTests<TDatabase> : IAsyncLifetime, IDisposable where TDatabase : TestDatabase, new()
{
    private readonly TDatabase _database = new();
    private readonly TestStore _store = new();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using var db = _database.CreateContext();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    public void Dispose()
    {
        _store.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task APhotoWhoseRowCannotBeSaved_LeavesNoFileBehind_AndTheContextSavesTheNextPhoto()
    {
        await using var db = _database.CreateContext();
        var uploads = new AttachmentUploads(db, _store.Store);

        // No case 424242: the row breaks its foreign key after the three files were written.
        await Assert.ThrowsAnyAsync<DbUpdateException>(() =>
            uploads.SaveAsync(new MemoryStream(TestImages.Jpeg(64, 48)), "lamp.jpg", new AttachmentOwner("460100", 7, CaseId: 424242), default));
        Assert.Empty(_store.Files());

        var saved = await uploads.SaveAsync(new MemoryStream(TestImages.Jpeg(64, 48)), "lamp.jpg", new AttachmentOwner("460100", null), default);
        Assert.Equal(3, _store.Files().Count);
        Assert.All(_store.Files(), file => Assert.Contains(saved.Id.ToString(), file, StringComparison.Ordinal));
        await using var check = _database.CreateContext();
        Assert.Equal([saved.Id], await check.Attachments.Select(a => a.Id).ToListAsync());
    }

    [Fact]
    public async Task AStoredPhotoThatIsRecordedLater_GetsItsRow_AndADiscardedOneLeavesNoFile()
    {
        await using var db = _database.CreateContext();
        var uploads = new AttachmentUploads(db, _store.Store);

        var discarded = await uploads.StoreAsync(new MemoryStream(TestImages.Jpeg(32, 32)), "a.jpg", default);
        var kept = await uploads.StoreAsync(new MemoryStream(TestImages.Jpeg(40, 30)), "b.jpg", default);
        uploads.Discard(discarded);
        var row = await uploads.RecordAsync(kept, new AttachmentOwner("460100", 3), default);

        Assert.All(_store.Files(), file => Assert.Contains(kept.Id.ToString(), file, StringComparison.Ordinal));
        Assert.Equal(3, _store.Files().Count);
        await using var check = _database.CreateContext();
        var stored = await check.Attachments.SingleAsync();
        Assert.Equal((row.Id, "b.jpg", (int?)3, 40, 30), (stored.Id, stored.OriginalFileName, stored.UploadedByUserId, stored.Width, stored.Height));
    }

    [Fact]
    public async Task ARefusedUpload_StoresNothing_AndRecordsNothing()
    {
        await using var db = _database.CreateContext();
        var uploads = new AttachmentUploads(db, _store.Store);

        await Assert.ThrowsAsync<AttachmentRejectedException>(() =>
            uploads.SaveAsync(new MemoryStream("not a photo"u8.ToArray()), "photo.jpg", new AttachmentOwner("460100", 7), default));

        Assert.Empty(_store.Files());
        await using var check = _database.CreateContext();
        Assert.False(await check.Attachments.AnyAsync());
    }
}

public sealed class SqliteAttachmentUploadsTests : AttachmentUploadsTests<SqliteTestDatabase>;

public sealed class PostgresAttachmentUploadsTests : AttachmentUploadsTests<PostgresTestDatabase>;
