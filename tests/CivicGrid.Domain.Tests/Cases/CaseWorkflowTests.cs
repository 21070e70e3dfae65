using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Cases;
using static CivicGrid.Domain.Tests.Cases.CaseFixture;

namespace CivicGrid.Domain.Tests.Cases;

public sealed class CaseWorkflowTests
{
    private static readonly DateTimeOffset T = Tuesday0900;

    [Fact]
    public void Report_OpensAReportedCase_WithTheAcceptClockAndTheFirstHistoryEntry()
    {
        var @case = NewCase();
        Assert.Equal(CaseStatus.Reported, @case.Status);
        Assert.Equal(T.AddMinutes(15), @case.StageDueAt);
        Assert.Equal(T.AddMinutes(12), @case.StageYellowAt);
        Assert.Equal(1, @case.HistoryCount);
        Assert.NotEqual(HistoryChain.Genesis, @case.LastHistoryHash);
    }

    [Fact]
    public void WholeWorkflow_WithAFailedCheckAndRework_EndsClosed_WithEveryStepChained()
    {
        var @case = NewCase();
        var entries = new List<CaseHistoryEntry>();
        void Step(Actor actor, CaseAction action, CaseStatus expected, bool? confirmed = null, bool? passed = null, int? department = null)
        {
            entries.Add(@case.Do(actor, action, T.AddMinutes(entries.Count + 1), confirmed, passed, department));
            Assert.Equal(expected, @case.Status);
        }
        Step(Operator, CaseAction.RequestVerification, CaseStatus.Verifying);
        Step(Inspector, CaseAction.Verify, CaseStatus.Verified, confirmed: true);
        Step(Operator, CaseAction.Register, CaseStatus.Registered);
        Step(Dispatcher, CaseAction.Dispatch, CaseStatus.Dispatched, department: 42);
        Step(Handler, CaseAction.Accept, CaseStatus.Handling);
        Step(Handler, CaseAction.Feedback, CaseStatus.FedBack);
        Step(Operator, CaseAction.RequestCheck, CaseStatus.Checking);
        Step(Inspector, CaseAction.Check, CaseStatus.CheckFailed, passed: false);
        Step(Dispatcher, CaseAction.Rework, CaseStatus.Handling);
        Step(Handler, CaseAction.Feedback, CaseStatus.FedBack);
        Step(Operator, CaseAction.RequestCheck, CaseStatus.Checking);
        Step(Inspector, CaseAction.Check, CaseStatus.AwaitingClose, passed: true);
        Step(ShiftLead, CaseAction.Close, CaseStatus.Closed);

        Assert.Equal(1, @case.ReworkCount);
        Assert.Equal(14, @case.HistoryCount);
        Assert.Null(@case.StageDueAt);
        Assert.Equal(["request_verification", "verify", "register", "dispatch", "accept", "feedback", "request_check", "check", "rework", "feedback", "request_check", "check", "close"],
            entries.Select(e => e.Action));
        Assert.Equal(["IntakeOperator", "Inspector", "IntakeOperator", "Dispatcher", "DepartmentHandler", "DepartmentHandler", "IntakeOperator", "Inspector", "Dispatcher"],
            entries.Take(9).Select(e => e.ActorRole));
        for (var i = 1; i < entries.Count; i++) Assert.Equal(entries[i - 1].Hash, entries[i].PreviousHash);
        Assert.Equal(entries[^1].Hash, @case.LastHistoryHash);
    }

    [Theory]
    [InlineData(CaseAction.Dispatch)]
    [InlineData(CaseAction.Accept)]
    [InlineData(CaseAction.Feedback)]
    [InlineData(CaseAction.Check)]
    [InlineData(CaseAction.Close)]
    [InlineData(CaseAction.Resume)]
    [InlineData(CaseAction.Rework)]
    [InlineData(CaseAction.Reopen)]
    [InlineData(CaseAction.Verify)]
    [InlineData(CaseAction.ApproveRequest)]
    public void ActionNotAllowedInTheReportedState_IsRefusedAsNotNow_ListingWhatIsAllowed(CaseAction action)
    {
        var @case = NewCase();
        var everyone = new Actor(9, "all", (CivicGrid.Domain.Organisation.Roles)0xFF, DepartmentId: null);
        var refusal = Assert.Throws<WorkflowRefusalException>(() => @case.Do(everyone, action, T));
        Assert.Equal(RefusalKind.NotNow, refusal.Kind);
        Assert.Equal([CaseAction.Classify, CaseAction.RequestVerification, CaseAction.Register, CaseAction.Reject, CaseAction.Void, CaseAction.Supervise],
            refusal.Allowed);
        Assert.Equal(CaseStatus.Reported, @case.Status);
        Assert.Equal(1, @case.HistoryCount);
    }

    [Theory]
    [InlineData(CaseAction.Register, "Inspector")]
    [InlineData(CaseAction.Void, "IntakeOperator")]
    [InlineData(CaseAction.Supervise, "Dispatcher")]
    [InlineData(CaseAction.RequestVerification, "Leader")]
    public void ActionByAWrongRole_IsRefusedAsNotPermitted(CaseAction action, string actorName)
    {
        var actor = actorName switch { "Inspector" => Inspector, "IntakeOperator" => Operator, "Dispatcher" => Dispatcher, _ => Leader };
        var refusal = Assert.Throws<WorkflowRefusalException>(() => NewCase().Do(actor, action, T, note: "x"));
        Assert.Equal(RefusalKind.NotPermitted, refusal.Kind);
    }

    [Fact]
    public void HandlerOfAnotherDepartment_CannotAcceptOrFeedBack()
    {
        var @case = NewCase();
        @case.Do(Operator, CaseAction.Register, T);
        @case.Do(Dispatcher, CaseAction.Dispatch, T, department: 42);
        var refusal = Assert.Throws<WorkflowRefusalException>(() => @case.Do(OtherHandler, CaseAction.Accept, T));
        Assert.Equal(RefusalKind.NotPermitted, refusal.Kind);
        Assert.Empty(refusal.Allowed);
        @case.Do(Handler, CaseAction.Accept, T);
        Assert.Equal(CaseStatus.Handling, @case.Status);
    }

    [Theory]
    [InlineData(CaseAction.Verify, "confirmed")]
    [InlineData(CaseAction.Reject, "note")]
    [InlineData(CaseAction.Void, "note")]
    [InlineData(CaseAction.Supervise, "note")]
    [InlineData(CaseAction.Classify, "typeCode")]
    public void MissingInput_IsRefusedAsInvalid_NamingTheField(CaseAction action, string field)
    {
        var @case = NewCase();
        var actor = new Actor(9, "all", (CivicGrid.Domain.Organisation.Roles)0xFF);
        if (action == CaseAction.Verify) @case.Do(Operator, CaseAction.RequestVerification, T);
        var refusal = Assert.Throws<WorkflowRefusalException>(() => @case.Do(actor, action, T));
        Assert.Equal(RefusalKind.Invalid, refusal.Kind);
        Assert.Equal(field, refusal.Field);
    }

    [Fact]
    public void Dispatch_WithoutADepartment_IsInvalidNamingDepartmentId()
    {
        var @case = NewCase();
        @case.Do(Operator, CaseAction.Register, T);
        var refusal = Assert.Throws<WorkflowRefusalException>(() => @case.Do(Dispatcher, CaseAction.Dispatch, T));
        Assert.Equal("departmentId", refusal.Field);
        Assert.Equal(CaseStatus.Registered, @case.Status);
    }

    [Fact]
    public void Register_WithoutACaseStandardForTheType_IsInvalid()
    {
        var @case = NewCase();
        var refusal = Assert.Throws<WorkflowRefusalException>(() =>
            @case.Apply(new CaseCommand(CaseAction.Register), Operator, T, Context with { Standard = null }));
        Assert.Equal("typeCode", refusal.Field);
        Assert.Contains("立结案标准", refusal.Message);
    }

    [Fact]
    public void Reject_AndVoid_EndTheCase_AndOnlyReopenOrNothingFollows()
    {
        var rejected = NewCase();
        rejected.Do(Operator, CaseAction.Reject, T, note: "不属于城管范围");
        Assert.Equal(CaseStatus.Rejected, rejected.Status);
        Assert.Empty(CaseWorkflow.AllowedInState(rejected));

        var voided = Handling(T);
        voided.Do(ShiftLead, CaseAction.Void, T, note: "重复录入");
        Assert.Equal(CaseStatus.Voided, voided.Status);
        Assert.Null(voided.LightAt(T.AddDays(10)));
    }

    [Fact]
    public void Supervise_CountsTheOrder_AndLeavesTheStateAlone()
    {
        var @case = Handling(T);
        var entry = @case.Do(Leader, CaseAction.Supervise, T, note: "请尽快处理");
        Assert.Equal(CaseStatus.Handling, @case.Status);
        Assert.Equal(1, @case.SupervisionCount);
        Assert.Equal(CaseStatus.Handling, entry.FromStatus);
    }

    [Fact]
    public void Reopen_AClosedCase_SendsItBackToDispatch()
    {
        var @case = Handling(T);
        @case.Do(Handler, CaseAction.Feedback, T);
        @case.Do(Operator, CaseAction.RequestCheck, T);
        @case.Do(Inspector, CaseAction.Check, T, passed: true);
        @case.Do(ShiftLead, CaseAction.Close, T);
        @case.Do(ShiftLead, CaseAction.Reopen, T.AddDays(1), note: "市民反映未处理");
        Assert.Equal(CaseStatus.Registered, @case.Status);
        Assert.Null(@case.DepartmentId);
        Assert.Null(@case.ClosedAt);
    }

    [Fact]
    public void AllowedFor_ListsOnlyWhatTheActorMayDoNow()
    {
        var @case = NewCase();
        @case.Do(Operator, CaseAction.Register, T);
        Assert.Equal([CaseAction.Dispatch], CaseWorkflow.AllowedFor(@case, Dispatcher));
        Assert.Equal([CaseAction.Void], CaseWorkflow.AllowedFor(@case, ShiftLead));
        Assert.Empty(CaseWorkflow.AllowedFor(@case, Handler));
    }

    [Fact]
    public void ActionCodes_RoundTrip()
    {
        Assert.Equal("request_verification", CaseAction.RequestVerification.ToCode());
        Assert.True(CaseActions.TryParse("APPROVE_REQUEST", out var parsed));
        Assert.Equal(CaseAction.ApproveRequest, parsed);
        Assert.False(CaseActions.TryParse("explode", out _));
    }
}
