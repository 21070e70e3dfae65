using CivicGrid.Domain.Attachments;

namespace CivicGrid.Server.Platform.Attachments;

/// <summary>A photo the store has validated and written (three files); not yet in the database.</summary>
/// <param name="StoragePath">Relative to the data directory, without suffix: "attachments/2026/11/{Id}".</param>
/// <param name="Sha256">Of the original bytes, 64 lowercase hex digits.</param>
/// <param name="Width">Width as displayed, EXIF orientation applied.</param>
/// <param name="Height">Height as displayed, EXIF orientation applied.</param>
public sealed record StoredAttachment(
    Guid Id,
    string ContentType,
    int Width,
    int Height,
    long ByteSize,
    string Sha256,
    string? OriginalFileName,
    string StoragePath,
    DateTimeOffset UploadedAt)
{
    /// <summary>The database row for this photo; not public until staff review it.</summary>
    public Attachment ToAttachment(string cityCode, int? uploadedByUserId, long? caseId = null, long? historyEntryId = null) => new()
    {
        Id = Id,
        CityCode = cityCode,
        CaseId = caseId,
        HistoryEntryId = historyEntryId,
        OriginalFileName = OriginalFileName,
        ContentType = ContentType,
        ByteSize = ByteSize,
        Width = Width,
        Height = Height,
        Sha256 = Sha256,
        StoragePath = StoragePath,
        UploadedAt = UploadedAt,
        UploadedByUserId = uploadedByUserId,
        IsPublic = false,
    };
}
