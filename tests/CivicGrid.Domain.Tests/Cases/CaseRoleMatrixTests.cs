using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Organisation;
using static CivicGrid.Domain.Tests.Cases.CaseFixture;

namespace CivicGrid.Domain.Tests.Cases;

/// <summary>Who may take each action (docs/domain/users-and-roles.md §4), hand-written rather than read from the rule table: every action,
/// in a state that allows it, tried by a member of staff holding one single role (of the case's department). A role
/// outside the action's roles is refused as "not permitted" without touching the case; a role inside it succeeds.</summary>
public sealed class CaseRoleMatrixTests
{
    private static readonly DateTimeOffset T = Tuesday0900;

    private static readonly Roles Intake = Roles.IntakeOperator | Roles.ShiftLead;
    private static readonly Roles Department = Roles.DepartmentHandler | Roles.EnforcementOfficer;

    /// <summary>Each action: the roles that may take it, and a state in which the case allows it.</summary>
    private static readonly Dictionary<CaseAction, (Roles Roles, CaseStatus State, bool PendingRequest)> WhoMay = new()
    {
        [CaseAction.Classify] = (Intake, CaseStatus.Reported, false),
        [CaseAction.RequestVerification] = (Intake, CaseStatus.Reported, false),
        [CaseAction.Verify] = (Roles.Inspector, CaseStatus.Verifying, false),
        [CaseAction.Register] = (Intake, CaseStatus.Reported, false),
        [CaseAction.Reject] = (Intake, CaseStatus.Reported, false),
        [CaseAction.Void] = (Roles.ShiftLead, CaseStatus.Reported, false),
        [CaseAction.Dispatch] = (Roles.Dispatcher, CaseStatus.Registered, false),
        [CaseAction.Accept] = (Department, CaseStatus.Dispatched, false),
        [CaseAction.Feedback] = (Department, CaseStatus.Handling, false),
        [CaseAction.RequestReturn] = (Department, CaseStatus.Handling, false),
        [CaseAction.RequestExtension] = (Department, CaseStatus.Handling, false),
        [CaseAction.RequestSuspension] = (Department, CaseStatus.Handling, false),
        [CaseAction.ApproveRequest] = (Roles.Dispatcher, CaseStatus.Handling, true),
        [CaseAction.DenyRequest] = (Roles.Dispatcher, CaseStatus.Handling, true),
        [CaseAction.Resume] = (Roles.Dispatcher, CaseStatus.Suspended, false),
        [CaseAction.RequestCheck] = (Intake, CaseStatus.FedBack, false),
        [CaseAction.Check] = (Roles.Inspector, CaseStatus.Checking, false),
        [CaseAction.Rework] = (Roles.Dispatcher | Roles.ShiftLead, CaseStatus.CheckFailed, false),
        [CaseAction.Close] = (Roles.ShiftLead, CaseStatus.AwaitingClose, false),
        [CaseAction.Reopen] = (Roles.ShiftLead, CaseStatus.Closed, false),
        [CaseAction.Supervise] = (Roles.Leader, CaseStatus.Reported, false),
    };

    public static TheoryData<CaseAction, Roles> EveryActionByEverySingleRole()
    {
        var data = new TheoryData<CaseAction, Roles>();
        foreach (var action in Enum.GetValues<CaseAction>())
            foreach (var role in Enum.GetValues<Roles>().Where(r => r != Roles.None)) data.Add(action, role);
        return data;
    }

    [Fact]
    public void TheTableNamesEveryAction() => Assert.Equal(Enum.GetValues<CaseAction>().Order(), WhoMay.Keys.Order());

    [Theory]
    [MemberData(nameof(EveryActionByEverySingleRole))]
    public void EachAction_TriedByOneSingleRole_SucceedsOnlyForItsRoles(CaseAction action, Roles role)
    {
        var (roles, state, pending) = WhoMay[action];
        var @case = CaseStateMatrixTests.Into(state);
        if (pending) @case.Do(Handler, CaseAction.RequestSuspension, T, note: "等待配合");
        var actor = new Actor(50, "单一角色", role, DepartmentId: 42);
        var command = new CaseCommand(action, "说明", Confirmed: true, Passed: true, DepartmentId: 42, ExtensionAmount: 1,
            Kind: CatalogueKind.Matter, TypeCode: "06010", InspectorUserId: 1);

        if ((roles & role) != 0)
        {
            var entry = @case.Apply(command, actor, T, Context);
            Assert.Equal(action.ToCode(), entry.Action);
            return;
        }
        var before = (@case.Status, @case.HistoryCount, @case.LastHistoryHash, @case.Version);
        var refusal = Assert.Throws<WorkflowRefusalException>(() => @case.Apply(command, actor, T, Context));
        Assert.Equal(RefusalKind.NotPermitted, refusal.Kind);
        Assert.Equal(before, (@case.Status, @case.HistoryCount, @case.LastHistoryHash, @case.Version));
        Assert.DoesNotContain(action, CaseWorkflow.AllowedFor(@case, actor));
    }

    [Theory]
    [InlineData(CaseAction.Accept, CaseStatus.Dispatched)]
    [InlineData(CaseAction.Feedback, CaseStatus.Handling)]
    [InlineData(CaseAction.RequestReturn, CaseStatus.Handling)]
    [InlineData(CaseAction.RequestExtension, CaseStatus.Handling)]
    [InlineData(CaseAction.RequestSuspension, CaseStatus.Handling)]
    public void DepartmentActions_ByAHandlerOfAnotherDepartment_AreNotPermitted(CaseAction action, CaseStatus state)
    {
        var @case = CaseStateMatrixTests.Into(state);
        var refusal = Assert.Throws<WorkflowRefusalException>(() =>
            @case.Apply(new CaseCommand(action, "说明", ExtensionAmount: 1), OtherHandler, T, Context));
        Assert.Equal(RefusalKind.NotPermitted, refusal.Kind);
    }
}
