namespace CivicGrid.Domain.Assessment;

/// <summary>
/// A template, rule set or answer breaks an assessment invariant. <see cref="Field"/> names what is wrong as
/// "<c>item code</c>.<c>field</c>" (e.g. <c>B2.cap</c>) or a top-level field (e.g. <c>version</c>), so that an API can
/// answer a 4xx that names the field. See docs/domain/assessment.md §1.
/// </summary>
public sealed class AssessmentRuleException : ArgumentException
{
    /// <summary>Creates the exception for a field.</summary>
    public AssessmentRuleException(string field, string message)
        : base($"{field}: {message}", field)
    {
        Field = field;
    }

    /// <summary>The offending field, "item.field" for an item's field.</summary>
    public string Field { get; }
}
