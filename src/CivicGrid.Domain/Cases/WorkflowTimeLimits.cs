using CivicGrid.Domain.Calendar;

namespace CivicGrid.Domain.Cases;

/// <summary>The limits of the steps around handling (docs/domain/workflow-and-time-limits.md §9); handling itself comes from the case standard.
/// Cities configure their own; these are the brief's typical values.</summary>
public sealed record WorkflowTimeLimits
{
    public TimeLimit Accept { get; init; } = TimeLimit.UrgentMinutes(15);
    public TimeLimit VerifyUrban { get; init; } = TimeLimit.UrgentMinutes(60);
    public TimeLimit VerifyRural { get; init; } = TimeLimit.UrgentMinutes(120);
    public TimeLimit Register { get; init; } = TimeLimit.UrgentMinutes(30);
    public TimeLimit RegisterUrgent { get; init; } = TimeLimit.UrgentMinutes(10);
    public TimeLimit Dispatch { get; init; } = TimeLimit.UrgentMinutes(30);
    public TimeLimit DispatchUrgent { get; init; } = TimeLimit.UrgentMinutes(10);
    /// <summary>Send the check task to an inspector (发送核查) after the feedback: the brief's 30 min.</summary>
    public TimeLimit CheckDispatch { get; init; } = TimeLimit.UrgentMinutes(30);
    public TimeLimit CheckUrban { get; init; } = TimeLimit.UrgentMinutes(60);
    public TimeLimit CheckRural { get; init; } = TimeLimit.UrgentMinutes(120);
    public TimeLimit ReworkOrder { get; init; } = TimeLimit.UrgentMinutes(30);
    public TimeLimit Close { get; init; } = TimeLimit.UrgentMinutes(30);

    public static WorkflowTimeLimits Default { get; } = new();
}
