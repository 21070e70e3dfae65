using CivicGrid.Domain.Organisation;
using static CivicGrid.Domain.Cases.CaseStatus;

namespace CivicGrid.Domain.Cases;

/// <summary>The rules of the state machine: for each action, the states it may start from and the roles that may take
/// it (docs/domain/users-and-roles.md §4). <see cref="Case.Apply"/> enforces them; <see cref="AllowedFor"/> lists what an actor may do now.</summary>
public static class CaseWorkflow
{
    public sealed record Rule(CaseStatus[] From, Roles Roles, bool DepartmentBound = false, bool NeedsPendingRequest = false, bool NeedsNoPendingRequest = false);

    private static readonly CaseStatus[] Open =
        [Reported, Verifying, Verified, Registered, Dispatched, Handling, Suspended, FedBack, Checking, CheckFailed, AwaitingClose];

    public static IReadOnlyDictionary<CaseAction, Rule> Rules { get; } = new Dictionary<CaseAction, Rule>
    {
        [CaseAction.Classify] = new([Reported, Verifying, Verified], Roles.IntakeOperator | Roles.ShiftLead),
        [CaseAction.RequestVerification] = new([Reported], Roles.IntakeOperator | Roles.ShiftLead),
        [CaseAction.Verify] = new([Verifying], Roles.Inspector),
        [CaseAction.Register] = new([Reported, Verified], Roles.IntakeOperator | Roles.ShiftLead),
        [CaseAction.Reject] = new([Reported, Verified], Roles.IntakeOperator | Roles.ShiftLead),
        [CaseAction.Void] = new(Open, Roles.ShiftLead),
        [CaseAction.Dispatch] = new([Registered], Roles.Dispatcher),
        [CaseAction.Accept] = new([Dispatched], Roles.DepartmentHandler | Roles.EnforcementOfficer, DepartmentBound: true, NeedsNoPendingRequest: true),
        [CaseAction.Feedback] = new([Handling], Roles.DepartmentHandler | Roles.EnforcementOfficer, DepartmentBound: true, NeedsNoPendingRequest: true),
        [CaseAction.RequestReturn] = new([Dispatched, Handling], Roles.DepartmentHandler | Roles.EnforcementOfficer, DepartmentBound: true, NeedsNoPendingRequest: true),
        [CaseAction.RequestExtension] = new([Handling], Roles.DepartmentHandler | Roles.EnforcementOfficer, DepartmentBound: true, NeedsNoPendingRequest: true),
        [CaseAction.RequestSuspension] = new([Handling], Roles.DepartmentHandler | Roles.EnforcementOfficer, DepartmentBound: true, NeedsNoPendingRequest: true),
        [CaseAction.ApproveRequest] = new([Dispatched, Handling], Roles.Dispatcher, NeedsPendingRequest: true),
        [CaseAction.DenyRequest] = new([Dispatched, Handling], Roles.Dispatcher, NeedsPendingRequest: true),
        [CaseAction.Resume] = new([Suspended], Roles.Dispatcher),
        [CaseAction.RequestCheck] = new([FedBack], Roles.IntakeOperator | Roles.ShiftLead),
        [CaseAction.Check] = new([Checking], Roles.Inspector),
        [CaseAction.Rework] = new([CheckFailed], Roles.Dispatcher | Roles.ShiftLead),
        [CaseAction.Close] = new([AwaitingClose], Roles.ShiftLead),
        [CaseAction.Reopen] = new([Closed], Roles.ShiftLead),
        [CaseAction.Supervise] = new(Open, Roles.Leader),
    };

    /// <summary>The actions the actor may take on the case now, in workflow order.</summary>
    public static IReadOnlyList<CaseAction> AllowedFor(Case @case, Actor actor) =>
        Rules.Where(r => Why(@case, actor, r.Key, r.Value) is null).Select(r => r.Key).OrderBy(a => a).ToArray();

    /// <summary>The actions the case's state allows to anyone (for the 409 answer's list).</summary>
    public static IReadOnlyList<CaseAction> AllowedInState(Case @case) =>
        Rules.Where(r => StateAllows(@case, r.Value)).Select(r => r.Key).OrderBy(a => a).ToArray();

    /// <summary>Null when the actor may take the action now; otherwise the refusal kind and reason.</summary>
    public static (RefusalKind Kind, string Reason)? Why(Case @case, Actor actor, CaseAction action, Rule rule)
    {
        if (!StateAllows(@case, rule))
        {
            return (RefusalKind.NotNow, @case.PendingRequest is not null && rule.NeedsNoPendingRequest
                ? $"'{action.ToCode()}' must wait: a {@case.PendingRequest.Value.ToString().ToLowerInvariant()} request is pending."
                : $"'{action.ToCode()}' is not allowed while the case is {@case.Status}.");
        }
        if ((actor.Roles & rule.Roles) == 0) return (RefusalKind.NotPermitted, $"'{action.ToCode()}' needs one of the roles {rule.Roles}.");
        if (rule.DepartmentBound && (actor.DepartmentId is null || actor.DepartmentId != @case.DepartmentId))
            return (RefusalKind.NotPermitted, $"'{action.ToCode()}' is for the department the case was dispatched to.");
        return null;
    }

    private static bool StateAllows(Case @case, Rule rule) =>
        rule.From.Contains(@case.Status)
        && (!rule.NeedsPendingRequest || @case.PendingRequest is not null)
        && (!rule.NeedsNoPendingRequest || @case.PendingRequest is null);
}
