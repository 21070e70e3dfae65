using System.Text.Json;
using CivicGrid.Server.Features.Cases;
using CivicGrid.Server.Platform.Attachments;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Features.PublicService;

/// <summary>The anonymous JSON API of the public service: thin wrappers over <see cref="PublicPhotos"/>,
/// <see cref="PublicReports"/>, <see cref="PublicTracking"/>, <see cref="PublicCaseMap"/> and <see cref="Notices"/>.</summary>
public static class PublicHandlers
{
    private const int MaxJsonBytes = 64 * 1024;

    public static async Task<Results<Created<PublicPhotos.Upload>, ValidationProblem, ProblemHttpResult>> UploadPhoto(
        IFormFile? file, PublicPhotos photos, CancellationToken cancellationToken)
    {
        if (file is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Send the photo as the multipart field 'file'."] });
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
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [rejected.Detail] });
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
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["variant"] = ["variant must be public or thumbnail."] });
        var content = await photos.OpenApprovedAsync(id, thumbnail, cancellationToken);
        if (content is null) return NotFound("photo");
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-cache";
        return TypedResults.File(content.Stream, content.ContentType);
    }

    public static async Task<Results<Created<PublicReportReceipt>, Ok<PublicReportReceipt>, ValidationProblem, ProblemHttpResult>> SubmitReport(
        HttpRequest request, PublicReports reports, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var (input, problem) = await ReadJsonAsync<PublicReportRequest>(request, json.Value.SerializerOptions, cancellationToken);
        if (input is null) return problem!;
        try
        {
            var receipt = await reports.SubmitAsync(input, request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } key ? key : null, cancellationToken);
            return receipt.Outcome == "created"
                ? TypedResults.Created($"/api/public/track/{receipt.TrackingToken}", receipt)
                : TypedResults.Ok(receipt);
        }
        catch (IntakeValidationException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Errors);
        }
        catch (IdempotencyConflictException conflict)
        {
            return TypedResults.Problem(title: conflict.InFlight ? "Request in progress" : "Idempotency-Key reused",
                detail: conflict.Message, statusCode: conflict.InFlight ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity);
        }
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

    public static async Task<Results<Created<PublicRating>, ValidationProblem, ProblemHttpResult>> Rate(
        string token, HttpRequest request, PublicTracking tracking, IOptions<JsonOptions> json, TimeProvider time, CancellationToken cancellationToken)
    {
        var (input, problem) = await ReadJsonAsync<RatingInput>(request, json.Value.SerializerOptions, cancellationToken);
        if (input is null) return problem!;
        if (PublicTracking.ValidateRating(input.Score, input.Comment) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        return await tracking.RateAsync(token, input.Score!.Value, input.Comment, cancellationToken) switch
        {
            RatingOutcome.Accepted => TypedResults.Created($"/api/public/track/{token}",
                (await tracking.FindAsync(token, cancellationToken))!.Rating!),
            RatingOutcome.NotClosed => TypedResults.Problem(title: "Not closed yet", detail: "A case can be rated once it is closed.", statusCode: StatusCodes.Status409Conflict),
            RatingOutcome.AlreadyRated => TypedResults.Problem(title: "Already rated", detail: "This case has been rated already; a case is rated once.", statusCode: StatusCodes.Status409Conflict),
            _ => NotFound("case for this tracking token"),
        };
    }

    public static async Task<Results<Ok<PublicCaseMap.MapPage>, ValidationProblem>> ListCases(
        string? bbox, string? days, PublicCaseMap map, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var area = PublicCaseMap.ParseArea(bbox, errors);
        var window = 30;
        if (!string.IsNullOrEmpty(days) && (!int.TryParse(days, out window) || window is < 1 or > PublicCaseMap.MaxDays))
            errors["days"] = [$"days must be a whole number from 1 to {PublicCaseMap.MaxDays}."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await map.ListAsync(area, window, cancellationToken));
    }

    public static async Task<Results<Ok<List<Notices.NoticeDto>>, ValidationProblem>> CurrentNotices(
        string? district, Notices notices, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(district) && (district.Length != 6 || !district.All(char.IsAsciiDigit)))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["district"] = ["district must be a 6-digit district code."] });
        return TypedResults.Ok(await notices.CurrentAsync(district, cancellationToken));
    }

    private static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(title: "Not found", detail: $"There is no such {what}.", statusCode: StatusCodes.Status404NotFound);

    /// <summary>Reads a small JSON body; a bad one becomes a ValidationProblem naming the field that broke it.</summary>
    internal static async Task<(T? Value, ValidationProblem? Problem)> ReadJsonAsync<T>(HttpRequest request, JsonSerializerOptions options,
        CancellationToken cancellationToken) where T : class
    {
        static ValidationProblem Problem(string field, string message) =>
            TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
        if (request.ContentLength > MaxJsonBytes) return (null, Problem("body", $"The body is at most {MaxJsonBytes / 1024} KB of JSON."));
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxJsonBytes) return (null, Problem("body", $"The body is at most {MaxJsonBytes / 1024} KB of JSON."));
            buffer.Write(chunk, 0, read);
        }
        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.ToArray(), options);
            return value is null ? (null, Problem("body", "Send a JSON object.")) : (value, null);
        }
        catch (JsonException exception)
        {
            var field = FieldOf(exception.Path);
            return (null, Problem(field, $"{(field == "body" ? "The body" : field)} is not valid here: {exception.Message}"));
        }
    }

    /// <summary>"$.contact.phone" → "contact.phone", "$.photos[2]" → "photos"; "body" when there is no path.</summary>
    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "body";
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        var bracket = field.IndexOf('[', StringComparison.Ordinal);
        if (bracket > 0) field = field[..bracket];
        return field.Length == 0 ? "body" : field;
    }
}
