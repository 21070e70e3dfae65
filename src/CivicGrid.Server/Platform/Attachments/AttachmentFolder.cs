namespace CivicGrid.Server.Platform.Attachments;

/// <summary>Where the files of an attachment live: {DataDirectory}/attachments/{yyyy}/{MM}/{id}.{variant}.{ext}.
/// The id is a version-7 Guid made from the upload time, so the id alone names the folder (no database look-up,
/// no search) and only hex digits, hyphens and numbers ever enter a path.</summary>
internal sealed class AttachmentFolder(string dataDirectory)
{
    public const string FolderName = "attachments";

    public string Root { get; } = Path.GetFullPath(Path.Combine(dataDirectory, FolderName));

    /// <summary>The relative storage path without suffix ("attachments/2026/11/{id}"), or null when the id is not
    /// a version-7 Guid (and so was not made by this store).</summary>
    public static string? StoragePathOf(Guid id)
    {
        if (id.Version != 7) return null;
        var bytes = id.ToByteArray(bigEndian: true);
        long milliseconds = 0;
        for (var i = 0; i < 6; i++) milliseconds = (milliseconds << 8) | bytes[i];
        var uploaded = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        return $"{FolderName}/{uploaded.Year:D4}/{uploaded.Month:D2}/{id:D}";
    }

    /// <summary>The full path of one copy; throws if it would leave the attachments folder (it cannot, by
    /// construction, but this is the last line of defence for a download endpoint).</summary>
    public string FileOf(string storagePath, AttachmentVariant variant, string extension)
    {
        var relative = storagePath[(FolderName.Length + 1)..];
        var full = Path.GetFullPath(Path.Combine(Root, $"{relative}.{Suffix(variant)}.{extension}"));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"Attachment path '{storagePath}' leaves the attachments folder.");
        return full;
    }

    /// <summary>The stored copy of <paramref name="variant"/> for <paramref name="storagePath"/>, if it exists.</summary>
    public (string Path, AttachmentImageFormat Format)? Find(string storagePath, AttachmentVariant variant)
    {
        foreach (var format in Enum.GetValues<AttachmentImageFormat>())
        {
            var path = FileOf(storagePath, variant, format.Extension());
            if (File.Exists(path)) return (path, format);
        }
        return null;
    }

    public static string Suffix(AttachmentVariant variant) => variant switch
    {
        AttachmentVariant.Original => "original",
        AttachmentVariant.Public => "public",
        AttachmentVariant.Thumbnail => "thumb",
        _ => throw new ArgumentOutOfRangeException(nameof(variant)),
    };
}
