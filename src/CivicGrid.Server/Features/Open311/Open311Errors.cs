using CivicGrid.Server.Platform.Errors;

namespace CivicGrid.Server.Features.Open311;

/// <summary>Errors as GeoReport v2 defines them: a list of {code, description} (XML: errors/error) with the HTTP
/// status 400 (bad input), 403 (api_key), 404 (unknown resource or jurisdiction) or 429 (rate limit, our addition).
/// The code repeats the HTTP status; the description names the parameter at fault.</summary>
public static class Open311Errors
{
    public static Open311Result Of(Open311Format format, int status, params string[] descriptions) =>
        new(format, status, new Open311Document("errors",
            new Open311List("error", descriptions.Select(d => (Open311Node)Open311Object.Of(("code", status), ("description", d))).ToList())));

    public static Open311Result BadRequest(Open311Format format, params string[] descriptions) => Of(format, StatusCodes.Status400BadRequest, descriptions);

    public static Open311Result NotFound(Open311Format format, string description) => Of(format, StatusCodes.Status404NotFound, description);

    public static Open311Result Forbidden(Open311Format format, string description) => Of(format, StatusCodes.Status403Forbidden, description);

    /// <summary>A problem thrown by a service: field errors are 400, one line per field in Open311's names; other
    /// problems keep their status, except that a reused Idempotency-Key (422 on /api) is a plain 400 here.</summary>
    public static Open311Result From(Open311Format format, RequestProblemException problem)
    {
        if (problem.Errors.Count > 0)
        {
            return BadRequest(format,
                problem.Errors.Select(e => $"{Open311SubmissionFields.OurName(e.Key)}: {string.Join(" ", e.Value)}").ToArray());
        }
        var status = problem.StatusCode == StatusCodes.Status422UnprocessableEntity ? StatusCodes.Status400BadRequest : problem.StatusCode;
        return Of(format, status, problem.Message);
    }

    /// <summary>An unknown suffix: there is no such resource (answered in JSON, the format we cannot know).</summary>
    public static Open311Result UnknownFormat(string? suffix) =>
        NotFound(Open311Format.Json, $"Unknown format '{suffix}': add .json or .xml to the resource.");
}
