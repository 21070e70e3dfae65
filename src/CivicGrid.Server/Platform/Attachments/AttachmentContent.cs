namespace CivicGrid.Server.Platform.Attachments;

/// <summary>One stored copy opened for reading; the caller disposes <see cref="Stream"/> (Results.Stream does).</summary>
public sealed record AttachmentContent(Stream Stream, string ContentType, long Length);
