using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Server.Features.Catalogue;

/// <summary>Turns a <see cref="ReferenceDataResult{T}"/> into the internal API's answers: the value (200, or 201 for
/// a new item), 404, 409 naming the field, or a ValidationProblem naming each field.</summary>
public static class ReferenceDataResults
{
    public static Results<Ok<TDto>, ValidationProblem, ProblemHttpResult> ToHttp<T, TDto>(this ReferenceDataResult<T> result, Func<T, TDto> map)
        where T : class
    {
        if (result.Value is { } value) return TypedResults.Ok(map(value));
        if (ProblemOf(result) is { } problem) return problem;
        return Validation(result);
    }

    public static Results<Created<TDto>, ValidationProblem, ProblemHttpResult> ToCreated<T, TDto>(this ReferenceDataResult<T> result,
        Func<T, TDto> map, Func<T, string> location) where T : class
    {
        if (result.Value is { } value) return TypedResults.Created(location(value), map(value));
        if (ProblemOf(result) is { } problem) return problem;
        return Validation(result);
    }

    private static ProblemHttpResult? ProblemOf<T>(ReferenceDataResult<T> result) where T : class
    {
        if (result.IsNotFound) return TypedResults.Problem(title: "Not found", statusCode: StatusCodes.Status404NotFound);
        return result.IsConflict
            ? TypedResults.Problem(title: "Duplicate code", detail: result.Problems[0].Message, statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["errors"] = Errors(result) })
            : null;
    }

    private static ValidationProblem Validation<T>(ReferenceDataResult<T> result) where T : class => TypedResults.ValidationProblem(Errors(result));

    private static Dictionary<string, string[]> Errors<T>(ReferenceDataResult<T> result) where T : class =>
        result.Problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
}
