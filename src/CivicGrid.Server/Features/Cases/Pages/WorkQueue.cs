using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Organisation;

namespace CivicGrid.Server.Features.Cases.Pages;

/// <summary>A role's to-do list: the cases in the given states (within the user's data scope) that wait for that role.
/// The dispatcher's queue also holds cases with a department request (return, extension, suspension) to decide; an
/// inspector's check queue holds the checks sent to them (and those from before checks were sent to one inspector).</summary>
public sealed record WorkQueue(string Key, Roles Roles, IReadOnlyList<CaseStatus> Statuses, bool WithPendingRequests = false, bool SentToUser = false)
{
    public static IReadOnlyList<WorkQueue> All { get; } =
    [
        new("verify", Roles.Inspector, [CaseStatus.Verifying]),
        new("register", Roles.IntakeOperator | Roles.ShiftLead, [CaseStatus.Reported, CaseStatus.Verified]),
        new("dispatch", Roles.Dispatcher, [CaseStatus.Registered, CaseStatus.CheckFailed, CaseStatus.Suspended], WithPendingRequests: true),
        new("handle", Roles.DepartmentHandler | Roles.EnforcementOfficer, [CaseStatus.Dispatched, CaseStatus.Handling]),
        new("send-check", Roles.IntakeOperator | Roles.ShiftLead, [CaseStatus.FedBack]),
        new("check", Roles.Inspector, [CaseStatus.Checking], SentToUser: true),
        new("close", Roles.ShiftLead, [CaseStatus.AwaitingClose]),
    ];

    public static WorkQueue? Find(string key) => All.FirstOrDefault(q => q.Key == key);

    public static IEnumerable<WorkQueue> For(Roles roles) => All.Where(q => (q.Roles & roles) != Roles.None);

    public IQueryable<Case> Filter(IQueryable<Case> cases, int userId)
    {
        var statuses = Statuses.ToArray();
        return WithPendingRequests ? cases.Where(c => statuses.Contains(c.Status) || c.PendingRequest != null)
            : SentToUser ? cases.Where(c => statuses.Contains(c.Status) && (c.CheckInspectorUserId == null || c.CheckInspectorUserId == userId))
            : cases.Where(c => statuses.Contains(c.Status));
    }
}
