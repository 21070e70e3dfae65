namespace CivicGrid.Domain.Assessment;

/// <summary>What is wrong with a scored sheet: <see cref="Field"/> is "item code.field" (e.g. <c>C2.photo</c>) or the item code.</summary>
public sealed record SheetError(string Field, string Message);

/// <summary>A sheet was scored with errors; nothing was computed. <see cref="Errors"/> lists them all.</summary>
public sealed class SheetValidationException : Exception
{
    /// <summary>Creates the exception from the errors (at least one).</summary>
    public SheetValidationException(IReadOnlyList<SheetError> errors)
        : base(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
    {
        Errors = errors;
    }

    public IReadOnlyList<SheetError> Errors { get; }
}
