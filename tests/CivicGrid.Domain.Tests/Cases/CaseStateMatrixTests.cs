using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Organisation;
using static CivicGrid.Domain.Tests.Cases.CaseFixture;

namespace CivicGrid.Domain.Tests.Cases;

/// <summary>Every state × every action: what the workflow allows (hand-written from docs/domain/workflow-and-time-limits.md §4) and that everything
/// else is refused as "not now" without touching the case.</summary>
public sealed class CaseStateMatrixTests
{
    private static readonly DateTimeOffset T = Tuesday0900;

    /// <summary>A member of staff holding every role, working for the case's department (42).</summary>
    private static readonly Actor Everyone = new(99, "全能", (Roles)0xFF, DepartmentId: 42);

    public static TheoryData<CaseStatus, string> States => new()
    {
        { CaseStatus.Reported, "classify request_verification register reject void supervise" },
        { CaseStatus.Verifying, "classify verify void supervise" },
        { CaseStatus.Verified, "classify register reject void supervise" },
        { CaseStatus.Registered, "void dispatch supervise" },
        { CaseStatus.Dispatched, "void accept request_return supervise" },
        { CaseStatus.Handling, "void feedback request_return request_extension request_suspension supervise" },
        { CaseStatus.Suspended, "void resume supervise" },
        { CaseStatus.FedBack, "void request_check supervise" },
        { CaseStatus.Checking, "void check supervise" },
        { CaseStatus.CheckFailed, "void rework supervise" },
        { CaseStatus.AwaitingClose, "void close supervise" },
        { CaseStatus.Closed, "reopen" },
        { CaseStatus.Rejected, "" },
        { CaseStatus.Voided, "" },
    };

    [Theory]
    [MemberData(nameof(States))]
    public void InEachState_ExactlyTheExpectedActionsAreAllowed_AndEveryOtherIsRefusedAsNotNow(CaseStatus status, string expected)
    {
        var allowed = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        Assert.Equal(allowed.Order(), CaseWorkflow.AllowedFor(Into(status), Everyone).Select(a => a.ToCode()).Order());
        foreach (var action in Enum.GetValues<CaseAction>().Where(a => !allowed.Contains(a.ToCode())))
        {
            var @case = Into(status);
            var before = (@case.Status, @case.HistoryCount, @case.LastHistoryHash);
            var refusal = Assert.Throws<WorkflowRefusalException>(() => @case.Apply(new CaseCommand(action, "x"), Everyone, T, Context));
            Assert.Equal(RefusalKind.NotNow, refusal.Kind);
            Assert.Equal(before, (@case.Status, @case.HistoryCount, @case.LastHistoryHash));
        }
    }

    [Fact]
    public void WithAPendingRequest_OnlyTheDispatchersDecisionVoidAndSupervisionRemain()
    {
        var @case = Into(CaseStatus.Handling);
        @case.Do(Handler, CaseAction.RequestSuspension, T, note: "等待配合");
        Assert.Equal(["approve_request", "deny_request", "supervise", "void"],
            CaseWorkflow.AllowedFor(@case, Everyone).Select(a => a.ToCode()).Order());
    }

    /// <summary>A fresh case driven into <paramref name="status"/> through the workflow itself.</summary>
    internal static Case Into(CaseStatus status)
    {
        var @case = NewCase();
        void Go(Actor actor, CaseAction action, bool? confirmed = null, bool? passed = null, int? department = null, string? note = null) =>
            @case.Do(actor, action, T, confirmed, passed, department, note: note);
        switch (status)
        {
            case CaseStatus.Reported: break;
            case CaseStatus.Verifying: Go(Operator, CaseAction.RequestVerification); break;
            case CaseStatus.Verified: Go(Operator, CaseAction.RequestVerification); Go(Inspector, CaseAction.Verify, confirmed: true); break;
            case CaseStatus.Rejected: Go(Operator, CaseAction.Reject, note: "不属实"); break;
            case CaseStatus.Voided: Go(ShiftLead, CaseAction.Void, note: "重复"); break;
            default:
                Go(Operator, CaseAction.Register);
                if (status == CaseStatus.Registered) break;
                Go(Dispatcher, CaseAction.Dispatch, department: 42);
                if (status == CaseStatus.Dispatched) break;
                Go(Handler, CaseAction.Accept);
                if (status == CaseStatus.Handling) break;
                if (status == CaseStatus.Suspended)
                {
                    Go(Handler, CaseAction.RequestSuspension, note: "等待配合");
                    Go(Dispatcher, CaseAction.ApproveRequest);
                    break;
                }
                Go(Handler, CaseAction.Feedback);
                if (status == CaseStatus.FedBack) break;
                Go(Operator, CaseAction.RequestCheck);
                if (status == CaseStatus.Checking) break;
                Go(Inspector, CaseAction.Check, passed: status != CaseStatus.CheckFailed);
                if (status is CaseStatus.CheckFailed or CaseStatus.AwaitingClose) break;
                Go(ShiftLead, CaseAction.Close);
                break;
        }
        Assert.Equal(status, @case.Status);
        return @case;
    }
}
