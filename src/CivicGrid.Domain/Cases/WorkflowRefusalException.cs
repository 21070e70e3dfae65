namespace CivicGrid.Domain.Cases;

public enum RefusalKind
{
    /// <summary>Not allowed in the case's current state (HTTP 409).</summary>
    NotNow,
    /// <summary>The actor's roles or department do not allow it (HTTP 403).</summary>
    NotPermitted,
    /// <summary>An input is missing or wrong (HTTP 400, naming <see cref="WorkflowRefusalException.Field"/>).</summary>
    Invalid,
}

/// <summary>The workflow refused a step; says why and which actions the actor may take now.</summary>
public sealed class WorkflowRefusalException(RefusalKind kind, string message, IReadOnlyList<CaseAction> allowed, string? field = null)
    : Exception(message)
{
    public RefusalKind Kind { get; } = kind;
    public IReadOnlyList<CaseAction> Allowed { get; } = allowed;
    public string? Field { get; } = field;
}
