using CivicGrid.Server.Features.Cases;
using CivicGrid.Server.Platform.Auth;
using CivicGrid.Server.Platform.Attachments;
using CivicGrid.Server.Platform.Errors;
using CivicGrid.Server.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Server.Features.PublicService;

/// <summary>The anonymous JSON API of the public service: thin wrappers over <see cref="PublicPhotos"/>,
/// <see cref="PublicReports"/>, <see cref="PublicTracking"/>, <see cref="PublicCaseMap"/> and <see cref="Notices"/>.</summary>
public static class PublicHandlers
{
    public static async Task<Results<Created<PublicPhotos.Upload>, ValidationProblem, ProblemHttpResult>> UploadPhoto(
        IFormFile? file, PublicPhotos photos, CancellationToken cancellationToken)
    {
        if (file is null) throw FieldErrors.Invalid("file", "Send the photo as the multipart field 'file'.");
        try
        {
            await using var content = file.OpenReadStream();
            var upload = await photos.UploadAsync(content, file.FileName, cancellationToken);
            return TypedResults.Created((string?)null, upload);
        }
        catch (AttachmentRejectedException rejected) when (rejected.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem(title: "Photo too large", detail: rejected.Detail, statusCode: rejected.StatusCode);
        }
        catch (AttachmentRejectedException rejected)
        {
            throw FieldErrors.Invalid("file", rejected.Detail);
        }
        catch (InvalidOperationException) when (!cancellationToken.IsCancellationRequested)
        {
            return TypedResults.Problem(title: "Not ready", detail: "No city is set up yet.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    public static async Task<Results<FileStreamHttpResult, ValidationProblem, ProblemHttpResult>> DownloadPhoto(
        Guid id, string? variant, HttpResponse response, PublicPhotos photos, CancellationToken cancellationToken)
    {
        var thumbnail = string.Equals(variant, "thumbnail", StringComparison.OrdinalIgnoreCase);
        if (!thumbnail && !string.IsNullOrEmpty(variant) && !string.Equals(variant, "public", StringComparison.OrdinalIgnoreCase))
            throw FieldErrors.Invalid("variant", "variant must be public or thumbnail.");
        var content = await photos.OpenForPublicAsync(id, thumbnail, cancellationToken);
        if (content is null) return NotFound("photo");
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-cache";
        return TypedResults.File(content.Stream, content.ContentType);
    }

    /// <summary>Bad input and a reused Idempotency-Key are thrown by <see cref="PublicReports"/> and answered by the
    /// error pipeline (Platform/Errors); the body's size limit and JSON errors by <see cref="JsonBody{T}"/>.</summary>
    public static async Task<Results<Created<PublicReportReceipt>, Ok<PublicReportReceipt>>> SubmitReport(
        JsonBody<PublicReportRequest> body, HttpRequest request, PublicReports reports, CancellationToken cancellationToken)
    {
        var key = request.Headers[IdempotencyHeader.Name].ToString();
        var receipt = await reports.SubmitAsync(body.Value, key.Length > 0 ? key : null, cancellationToken);
        return receipt.Outcome == "created"
            ? TypedResults.Created($"/api/public/track/{receipt.TrackingToken}", receipt)
            : TypedResults.Ok(receipt);
    }

    public static async Task<Results<Ok<PublicCaseView>, ProblemHttpResult>> Track(
        string token, HttpResponse response, PublicTracking tracking, CancellationToken cancellationToken)
    {
        response.Headers.CacheControl = "no-store";
        var view = await tracking.FindAsync(token, cancellationToken);
        return view is null ? NotFound("case for this tracking token") : TypedResults.Ok(view);
    }

    /// <summary>The body of a rating.</summary>
    public sealed record RatingInput(int? Score, string? Comment);

    public static async Task<Results<Created<PublicRating>, ProblemHttpResult>> Rate(
        string token, JsonBody<RatingInput> body, PublicTracking tracking, CancellationToken cancellationToken)
    {
        var input = body.Value;
        if (PublicTracking.ValidateRating(input.Score, input.Comment) is { Count: > 0 } errors) throw new InvalidRequestException(errors);
        return await tracking.RateAsync(token, input.Score!.Value, input.Comment, cancellationToken) switch
        {
            RatingOutcome.Accepted => TypedResults.Created($"/api/public/track/{token}",
                (await tracking.FindAsync(token, cancellationToken))!.Rating!),
            RatingOutcome.NotClosed => throw new ConflictException("Not closed yet", "A case can be rated once it is closed."),
            RatingOutcome.AlreadyRated => throw new ConflictException("Already rated", "This case has been rated already; a case is rated once."),
            _ => NotFound("case for this tracking token"),
        };
    }

    public static async Task<Results<Ok<PublicCaseMap.MapPage>, ValidationProblem>> ListCases(
        string? bbox, string? days, PublicCaseMap map, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var area = PublicCaseMap.ParseArea(bbox, errors);
        var window = 30;
        if (!string.IsNullOrEmpty(days) && (!int.TryParse(days, out window) || window is < 1 or > PublicCaseMap.MaxDays))
            errors.Add("days", $"days must be a whole number from 1 to {PublicCaseMap.MaxDays}.");
        errors.ThrowIfAny();
        return TypedResults.Ok(await map.ListAsync(area, window, cancellationToken));
    }

    public static async Task<Results<Ok<List<Notices.NoticeDto>>, ValidationProblem>> CurrentNotices(
        string? district, Notices notices, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(district) && (district.Length != 6 || !district.All(char.IsAsciiDigit)))
            throw FieldErrors.Invalid("district", "district must be a 6-digit district code.");
        return TypedResults.Ok(await notices.CurrentAsync(district, cancellationToken));
    }

    private static ProblemHttpResult NotFound(string what) =>
        AccessCheck.NotFound("such " + what);
}
