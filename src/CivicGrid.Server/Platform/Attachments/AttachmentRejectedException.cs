using CivicGrid.Server.Platform.Errors;

namespace CivicGrid.Server.Platform.Attachments;

/// <summary>The upload is refused; nothing was stored. <see cref="Exception.Message"/> names the form field
/// ("file: …") and is meant for the user. Endpoints answer <see cref="StatusCode"/> with
/// <see cref="ToValidationErrors"/> as a ValidationProblem.</summary>
public sealed class AttachmentRejectedException(AttachmentRejection reason, string detail, Exception? inner = null)
    : Exception($"{FieldName}: {detail}", inner)
{
    /// <summary>The multipart form field that carries the upload.</summary>
    public const string FieldName = "file";

    public AttachmentRejection Reason { get; } = reason;

    /// <summary>The message without the field name, e.g. "not a JPEG, PNG or WebP image (the content is text)."</summary>
    public string Detail { get; } = detail;

    /// <summary>413 for an upload over the size limit, 400 for everything else.</summary>
    public int StatusCode => Reason == AttachmentRejection.TooLarge
        ? StatusCodes.Status413PayloadTooLarge
        : StatusCodes.Status400BadRequest;

    /// <summary>The errors of a ValidationProblem: { "file": [Message] }.</summary>
    public IReadOnlyDictionary<string, string[]> ToValidationErrors() =>
        FieldErrors.One(FieldName, Message);
}
