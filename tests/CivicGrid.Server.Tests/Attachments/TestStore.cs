using CivicGrid.Server.Platform.Attachments;
using CivicGrid.Server.Platform.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace CivicGrid.Server.Tests.Attachments;

/// <summary>An <see cref="AttachmentStore"/> over a fresh temporary data directory, with a fake clock.</summary>
internal sealed class TestStore : IDisposable
{
    public TestStore(AttachmentOptions? options = null)
    {
        DataFolder = Directory.CreateTempSubdirectory("civicgrid-attachments-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DataDirectory"] = DataFolder })
            .Build();
        Options = options ?? new AttachmentOptions();
        Store = new AttachmentStore(new DataDirectory(configuration), Microsoft.Extensions.Options.Options.Create(Options), Time);
    }

    public string DataFolder { get; }
    public AttachmentOptions Options { get; }
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));
    public AttachmentStore Store { get; }

    public Task<StoredAttachment> SaveAsync(byte[] content, string? fileName = "photo.jpg") =>
        Store.SaveAsync(new MemoryStream(content), fileName, CancellationToken.None);

    public async Task<AttachmentRejectedException> RefuseAsync(byte[] content, string? fileName = "photo.jpg") =>
        await Assert.ThrowsAsync<AttachmentRejectedException>(() => SaveAsync(content, fileName));

    public async Task<byte[]> ReadAsync(Guid id, AttachmentVariant variant)
    {
        var content = await Store.OpenAsync(id, variant, CancellationToken.None);
        Assert.NotNull(content);
        await using var stream = content.Stream;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>Every file under the data folder, relative and '/'-separated.</summary>
    public IReadOnlyList<string> Files() => Directory.EnumerateFiles(DataFolder, "*", SearchOption.AllDirectories)
        .Select(path => Path.GetRelativePath(DataFolder, path).Replace('\\', '/'))
        .Order(StringComparer.Ordinal)
        .ToList();

    public void Dispose()
    {
        Store.Dispose();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}
