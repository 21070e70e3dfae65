using Microsoft.AspNetCore.Diagnostics;

namespace CivicGrid.Server.Platform.Errors;

/// <summary>The one place where a <see cref="RequestProblemException"/> thrown under /api (by a handler, a service
/// or a body binder such as <see cref="JsonBody{T}"/>) becomes ProblemDetails: field errors as a ValidationProblem
/// (<c>errors</c> keyed by field), anything else as a problem with the exception's status, title and detail.
/// Other paths are left to their own formatter (Open311) or the default handler.</summary>
internal sealed class ApiExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not RequestProblemException problem || !httpContext.Request.Path.StartsWithSegments("/api")) return false;
        await ToResult(problem).ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>The ProblemDetails answer for <paramref name="problem"/>.</summary>
    public static IResult ToResult(RequestProblemException problem)
    {
        if (problem.Errors.Count == 0)
            return TypedResults.Problem(title: problem.Title, detail: problem.Message, statusCode: problem.StatusCode);
        if (problem.StatusCode == StatusCodes.Status400BadRequest) return TypedResults.ValidationProblem(problem.Errors);
        return TypedResults.Problem(new HttpValidationProblemDetails(problem.Errors.ToDictionary())
        {
            Status = problem.StatusCode, Title = problem.Title,
        });
    }
}
