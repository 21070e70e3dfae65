namespace CivicGrid.Server.Features.Catalogue;

/// <summary>What is wrong with one field of an administrator's change: the field (as the API names it), a UI text key
/// (the staff UI shows it in the user's language) and an English message (the API's ProblemDetails).</summary>
public sealed record FieldProblem(string Field, string Key, string Message);

/// <summary>How an administrator's change to reference data ended. The staff UI and the internal API share the
/// services that return it: the UI shows <see cref="Problems"/> beside the fields, the API maps them to 400 (invalid),
/// 409 (<see cref="IsConflict"/>: a duplicate code) and 404 (<see cref="IsNotFound"/>).</summary>
public sealed record ReferenceDataResult<T> where T : class
{
    public T? Value { get; init; }
    public IReadOnlyList<FieldProblem> Problems { get; init; } = [];
    public bool IsNotFound { get; init; }
    public bool IsConflict { get; init; }
    public bool Succeeded => Value is not null;
}

/// <summary>Builds <see cref="ReferenceDataResult{T}"/>s.</summary>
public static class ReferenceDataResult
{
    public static ReferenceDataResult<T> Done<T>(T value) where T : class => new() { Value = value };

    public static ReferenceDataResult<T> NotFound<T>() where T : class => new() { IsNotFound = true };

    public static ReferenceDataResult<T> Invalid<T>(IReadOnlyList<FieldProblem> problems) where T : class => new() { Problems = problems };

    public static ReferenceDataResult<T> Conflict<T>(FieldProblem problem) where T : class => new() { Problems = [problem], IsConflict = true };
}
