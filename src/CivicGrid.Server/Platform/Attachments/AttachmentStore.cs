using System.Security.Cryptography;
using CivicGrid.Server.Platform.Runtime;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Platform.Attachments;

/// <summary>Validates uploaded photos and keeps them under {DataDirectory}/attachments (see
/// <see cref="AttachmentFolder"/>). It owns the files only: the caller adds the database row
/// (<see cref="StoredAttachment.ToAttachment"/>) and checks who may read which copy.</summary>
public sealed class AttachmentStore(DataDirectory dataDirectory, IOptions<AttachmentOptions> options, TimeProvider time)
    : IDisposable
{
    private readonly AttachmentFolder _folder = new(dataDirectory.Path);
    private readonly AttachmentOptions _options = options.Value;
    // Decoding holds the whole bitmap (up to MaxPixels × 4 bytes): bound how many run at once.
    private readonly SemaphoreSlim _decoding = new(Math.Max(1, Environment.ProcessorCount));

    /// <summary>The folder all attachments live in.</summary>
    public string Root => _folder.Root;

    /// <summary>Reads at most Attachments:MaxBytes, recognises the image by its bytes, decodes it and writes the
    /// original, the public copy and the thumbnail.</summary>
    /// <exception cref="AttachmentRejectedException">The upload is not an accepted image or breaks a limit.</exception>
    public async Task<StoredAttachment> SaveAsync(Stream content, string? originalFileName, CancellationToken cancellationToken)
    {
        var bytes = await UploadReader.ReadAtMostAsync(content, _options.MaxBytes, cancellationToken);
        var format = ContentSniffer.Recognise(bytes, out var description)
            ?? throw new AttachmentRejectedException(AttachmentRejection.NotAnAcceptedImage,
                $"not a JPEG, PNG or WebP image (the content is {description}).");

        Renditions renditions;
        await _decoding.WaitAsync(cancellationToken);
        try { renditions = ImageRenditions.Create(bytes, format, _options, cancellationToken); }
        finally { _decoding.Release(); }

        var uploadedAt = time.GetUtcNow();
        var id = Guid.CreateVersion7(uploadedAt);
        var storagePath = AttachmentFolder.StoragePathOf(id)!;
        await WriteAllAsync(
        [
            (_folder.FileOf(storagePath, AttachmentVariant.Original, format.Extension()), bytes),
            (_folder.FileOf(storagePath, AttachmentVariant.Public, format.Extension()), renditions.Public),
            (_folder.FileOf(storagePath, AttachmentVariant.Thumbnail, AttachmentImageFormat.Jpeg.Extension()), renditions.Thumbnail),
        ], cancellationToken);

        return new StoredAttachment(id, format.ContentType(), renditions.Width, renditions.Height, bytes.Length,
            Convert.ToHexStringLower(SHA256.HashData(bytes)), OriginalFileName.Sanitise(originalFileName), storagePath, uploadedAt);
    }

    /// <summary>Opens one copy for reading, or null when the id is unknown. Only ever opens a file inside
    /// <see cref="Root"/>.</summary>
    public Task<AttachmentContent?> OpenAsync(Guid id, AttachmentVariant variant, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var storagePath = AttachmentFolder.StoragePathOf(id);
        var found = storagePath is null ? null : _folder.Find(storagePath, variant);
        if (found is not { } file) return Task.FromResult<AttachmentContent?>(null);
        try
        {
            var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
                bufferSize: 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult<AttachmentContent?>(new AttachmentContent(stream, file.Format.ContentType(), stream.Length));
        }
        catch (FileNotFoundException)
        {
            return Task.FromResult<AttachmentContent?>(null); // deleted between the look-up and the open
        }
    }

    /// <summary>Deletes the three files of <paramref name="id"/> (when its database row could not be saved, or the
    /// attachment is removed); true when any existed.</summary>
    public bool Delete(Guid id)
    {
        var storagePath = AttachmentFolder.StoragePathOf(id);
        if (storagePath is null) return false;
        var deleted = false;
        foreach (var variant in Enum.GetValues<AttachmentVariant>())
        {
            if (_folder.Find(storagePath, variant) is not { } file) continue;
            File.Delete(file.Path);
            deleted = true;
        }
        return deleted;
    }

    public void Dispose() => _decoding.Dispose();

    /// <summary>Each file goes to a temporary name in its final folder first and is renamed only when all three
    /// are written, so a crash leaves no half-written file under a final name. On failure nothing stays.</summary>
    private static async Task WriteAllAsync((string Path, byte[] Bytes)[] files, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(files[0].Path)!);
        var written = new List<string>();
        try
        {
            foreach (var (path, bytes) in files)
            {
                var temporary = TemporaryPathOf(path);
                written.Add(temporary);
                await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
            }
            foreach (var (path, _) in files)
            {
                File.Move(TemporaryPathOf(path), path, overwrite: false);
                written.Add(path);
            }
        }
        catch
        {
            foreach (var path in written) TryDelete(path);
            throw;
        }
    }

    private static string TemporaryPathOf(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + ".tmp");

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
