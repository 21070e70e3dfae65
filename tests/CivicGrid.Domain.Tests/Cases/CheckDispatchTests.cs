using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Evaluation;
using static CivicGrid.Domain.Tests.Cases.CaseFixture;

namespace CivicGrid.Domain.Tests.Cases;

/// <summary>Sending the check (发送核查): after the department's feedback the case waits in FedBack for the intake operator,
/// who sends the on-site check to an inspector within the 30 min check-dispatch limit (docs/domain/workflow-and-time-limits.md §4, §9).</summary>
public sealed class CheckDispatchTests
{
    private static readonly DateTimeOffset T = Tuesday0900;

    private static Case FedBack()
    {
        var @case = Handling(T);
        @case.Do(Handler, CaseAction.Feedback, T.AddHours(1));
        return @case;
    }

    [Fact]
    public void Feedback_LeavesTheCaseWaitingForTheCheckToBeSent_OnTheThirtyMinuteCheckDispatchClock()
    {
        var @case = FedBack();
        Assert.Equal(CaseStatus.FedBack, @case.Status);
        Assert.Equal(CaseStage.Check, @case.Stage);
        Assert.Equal(T.AddHours(1).AddMinutes(30), @case.StageDueAt);
        Assert.Equal([CaseAction.RequestCheck], CaseWorkflow.AllowedFor(@case, Operator));
        Assert.Empty(CaseWorkflow.AllowedFor(@case, Inspector));
        Assert.Equal(PublicStatus.InProgress, PublicStatuses.Of(@case.Status));
    }

    [Fact]
    public void RequestCheck_SendsTheCheckToTheChosenInspector_AndStartsTheOnSiteCheckClock()
    {
        var @case = FedBack();
        var entry = @case.Apply(new CaseCommand(CaseAction.RequestCheck, InspectorUserId: 77), Operator, T.AddHours(1).AddMinutes(10), Context);
        Assert.Equal(CaseStatus.Checking, @case.Status);
        Assert.Equal(77, @case.CheckInspectorUserId);
        Assert.Equal(("request_check", CaseStatus.FedBack, CaseStatus.Checking, "inspector=77"), (entry.Action, entry.FromStatus, entry.ToStatus, entry.Data));
        Assert.Equal("IntakeOperator", entry.ActorRole);
        Assert.Equal(T.AddHours(2).AddMinutes(10), @case.StageDueAt); // 60 min on site in a built-up grid, from the request
        Assert.StartsWith("due=2026-09-22T03:10:00.000Z", entry.Deadline);
    }

    [Fact]
    public void RequestCheck_WithoutAnInspector_IsInvalidNamingInspectorUserId_AndLeavesTheCaseAlone()
    {
        var @case = FedBack();
        var refusal = Assert.Throws<WorkflowRefusalException>(() => @case.Apply(new CaseCommand(CaseAction.RequestCheck), Operator, T, Context));
        Assert.Equal((RefusalKind.Invalid, "inspectorUserId"), (refusal.Kind, refusal.Field));
        Assert.Equal(CaseStatus.FedBack, @case.Status);
    }

    [Fact]
    public void ACheckNotSentWithinThirtyMinutes_IsMarkedOverdueOnce_InTheCheckStage()
    {
        var @case = FedBack();
        Assert.Null(@case.RaiseOverdue(T.AddHours(1).AddMinutes(30)));
        var (entry, alert) = @case.RaiseOverdue(T.AddHours(1).AddMinutes(31))!.Value;
        Assert.Equal(("overdue", "stage=Check", CaseStatus.FedBack), (entry.Action, entry.Data, alert.Status));
        Assert.Null(@case.RaiseOverdue(T.AddHours(1).AddMinutes(40)));
    }

    [Fact]
    public void AfterAFailedCheckAndRework_TheNextFeedbackWaitsForTheCheckToBeSentAgain()
    {
        var @case = FedBack();
        @case.Do(Operator, CaseAction.RequestCheck, T.AddHours(1));
        @case.Do(Inspector, CaseAction.Check, T.AddHours(2), passed: false);
        @case.Do(Dispatcher, CaseAction.Rework, T.AddHours(2));
        Assert.Equal(CaseStatus.Handling, @case.Status);
        @case.Do(Handler, CaseAction.Feedback, T.AddHours(3));
        Assert.Equal(CaseStatus.FedBack, @case.Status);
        @case.Do(ShiftLead, CaseAction.RequestCheck, T.AddHours(3));
        Assert.Equal(CaseStatus.Checking, @case.Status);
    }

    [Fact]
    public void TheOperatorWhoSendsTheCheck_IsCreditedWithACheckDispatch_OnTimeAtTheDeadlineExactly_LateAfterIt()
    {
        foreach (var (late, onTime) in new[] { (0, 1), (1, 0) })
        {
            var (@case, report) = Case.Report("HK1", "460100", new ReportDetails(CaseChannel.Citizen, "暴露垃圾", 110.33, 20.02,
                "46010600100101", "460106001001", "460106001", "460106", true, CivicGrid.Domain.Catalogue.CatalogueKind.Matter, "06010"), Operator, T, Context, id: 1);
            List<CaseHistoryEntry> history = [report];
            history.Add(@case.Do(Operator, CaseAction.Register, T));
            history.Add(@case.Do(Dispatcher, CaseAction.Dispatch, T, department: 42));
            history.Add(@case.Do(Handler, CaseAction.Accept, T));
            history.Add(@case.Do(Handler, CaseAction.Feedback, T.AddHours(1)));
            history.Add(@case.Do(Operator, CaseAction.RequestCheck, @case.StageDueAt!.Value.AddMilliseconds(late)));
            var counts = new EvaluationCounts();
            foreach (var i in CaseTrail.Replay(CaseFacts.Of(@case), history).Where(i => i.SubjectKind == EvaluationSubjectKind.IntakeOperator))
                counts.Add(i.Measure, 1);
            Assert.Equal((1, onTime, 1), (counts.CheckRequests, counts.CheckRequestsOnTime, counts.IntakeHandled)); // handled: the register only
        }
    }
}
