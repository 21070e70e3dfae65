namespace CivicGrid.Server.Platform.Attachments;

/// <summary>Reads an upload into memory, refusing it as soon as it passes the limit (it never reads more than
/// limit + 1 bytes, whatever the client declared).</summary>
internal static class UploadReader
{
    public static async Task<byte[]> ReadAtMostAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var wanted = (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length);
            var read = await content.ReadAsync(chunk.AsMemory(0, wanted), cancellationToken);
            if (read == 0) break;
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                throw new AttachmentRejectedException(AttachmentRejection.TooLarge,
                    $"larger than the limit of {FormatSize(maxBytes)} ({maxBytes} bytes, Attachments:MaxBytes).");
            }
        }
        if (buffer.Length == 0) throw new AttachmentRejectedException(AttachmentRejection.Empty, "the file is empty.");
        return buffer.ToArray();
    }

    private static string FormatSize(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / (1024.0 * 1024):0.#} MB"
        : $"{bytes / 1024.0:0.#} KB";
}
