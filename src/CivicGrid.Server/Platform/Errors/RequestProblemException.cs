namespace CivicGrid.Server.Platform.Errors;

/// <summary>A request the server refuses for a reason the caller can fix or must know (bad input, a conflict, a
/// missing thing). Services and handlers throw it; it is answered in one place per surface: ProblemDetails under /api
/// (<see cref="ApiExceptionHandler"/>), Open311's error list under /open311 (its own filter), field errors on a Razor
/// form (<see cref="FormErrors"/>). See docs/adr/0016-one-error-pipeline.md.</summary>
public class RequestProblemException(int statusCode, string title, string detail,
    IReadOnlyDictionary<string, string[]>? errors = null, Exception? inner = null) : Exception(detail, inner)
{
    private static readonly IReadOnlyDictionary<string, string[]> None = new Dictionary<string, string[]>();

    public int StatusCode { get; } = statusCode;

    public string Title { get; } = title;

    /// <summary>The problems keyed by the request field they concern; empty when the problem is not about a field.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors ?? None;
}

/// <summary>Bad input, each problem keyed by the field it concerns (400 unless said otherwise, e.g. 413 for a body
/// over its limit).</summary>
public class InvalidRequestException(IReadOnlyDictionary<string, string[]> errors, int statusCode = StatusCodes.Status400BadRequest)
    : RequestProblemException(statusCode, "One or more validation errors occurred.",
        "The request is not valid: " + string.Join("; ", errors.SelectMany(e => e.Value)), errors);

/// <summary>A refusal about the state of things rather than the input: 409 by default (e.g. "already rated").</summary>
public class ConflictException(string title, string detail, int statusCode = StatusCodes.Status409Conflict)
    : RequestProblemException(statusCode, title, detail);

/// <summary>There is no such thing (or it lies outside the caller's reach): 404.</summary>
public sealed class NotFoundException(string what)
    : RequestProblemException(StatusCodes.Status404NotFound, "Not found", $"There is no such {what}.");
