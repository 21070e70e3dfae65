using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Evaluation;
using CivicGrid.Domain.Tests.Cases;
using static CivicGrid.Domain.Tests.Cases.CaseFixture;

namespace CivicGrid.Domain.Tests.Evaluation;

/// <summary>The counters real histories move (taken through <see cref="Case.Apply"/> on the fixture's calendar): on-time
/// boundaries, suspension, extension (deferred), rework, voiding and returns.</summary>
public sealed partial class CaseTrailTests
{

    private static (Case Case, List<CaseHistoryEntry> History) Reported(CaseChannel channel = CaseChannel.Citizen, Actor? reporter = null)
    {
        var (@case, entry) = Case.Report("HK1", "460100",
            new ReportDetails(channel, "暴露垃圾", 110.33, 20.02, "46010600100101", "460106001001", "460106001", "460106", true,
                CatalogueKind.Matter, "06010"),
            reporter ?? Operator, Tuesday0900, Context, id: 1);
        return (@case, [entry]);
    }

    private static void Step((Case Case, List<CaseHistoryEntry> History) c, Actor actor, CaseAction action, DateTimeOffset at,
        bool? confirmed = null, bool? passed = null, int? department = null, int? extension = null, string? note = null) =>
        c.History.Add(c.Case.Do(actor, action, at, confirmed, passed, department, extension, note));

    private static EvaluationCounts Counts((Case Case, List<CaseHistoryEntry> History) c, EvaluationSubjectKind kind, string key)
    {
        var counts = new EvaluationCounts();
        foreach (var i in CaseTrail.Replay(CaseFacts.Of(c.Case), c.History).Where(i => i.SubjectKind == kind && i.SubjectKey == key))
        {
            counts.Add(i.Measure, 1);
        }
        return counts;
    }

    /// <summary>Registered and dispatched at 09:00 Tuesday; the 1-working-day handling limit ends Wednesday 09:00.</summary>
    private static (Case Case, List<CaseHistoryEntry> History) InHandling()
    {
        var c = Reported();
        Step(c, ShiftLead, CaseAction.Register, Tuesday0900);
        Step(c, Dispatcher, CaseAction.Dispatch, Tuesday0900, department: 42);
        Step(c, Handler, CaseAction.Accept, Tuesday0900);
        return c;
    }

    private static void FinishFrom((Case Case, List<CaseHistoryEntry> History) c, DateTimeOffset feedbackAt)
    {
        Step(c, Handler, CaseAction.Feedback, feedbackAt);
        Step(c, Operator, CaseAction.RequestCheck, feedbackAt.AddMinutes(5));
        Step(c, Inspector, CaseAction.Check, feedbackAt.AddMinutes(10), passed: true);
        Step(c, ShiftLead, CaseAction.Close, feedbackAt.AddMinutes(20));
    }

    [Fact]
    public void FeedbackExactlyAtTheDeadline_IsOnTime_AndTheClosedCaseCountsAsClosedOnTime()
    {
        var c = InHandling();
        var due = c.Case.StageDueAt!.Value;
        Assert.Equal(Tuesday0900.AddDays(1).AddHours(9), due); // Wednesday's close of business
        FinishFrom(c, due);
        var district = Counts(c, EvaluationSubjectKind.District, "460106");
        Assert.Equal((1, 1, 1, 1, 1), (district.Reported, district.PublicReported, district.Registered, district.Closed, district.ClosedOnTime));
        var department = Counts(c, EvaluationSubjectKind.Department, "42");
        Assert.Equal((1, 1, 1, 1, 1), (department.Received, department.Feedbacks, department.FeedbacksOnTime, department.Closed, department.ClosedOnTime));
        Assert.Equal(1, Counts(c, EvaluationSubjectKind.Grid, "46010600100101").ClosedOnTime);
    }

    [Fact]
    public void FeedbackOneMillisecondLate_IsLate_AndTheCaseClosesLate()
    {
        var c = InHandling();
        FinishFrom(c, c.Case.StageDueAt!.Value.AddMilliseconds(1));
        var district = Counts(c, EvaluationSubjectKind.District, "460106");
        Assert.Equal((1, 0), (district.Closed, district.ClosedOnTime));
        Assert.Equal(0, Counts(c, EvaluationSubjectKind.Department, "42").FeedbacksOnTime);
    }

    [Fact]
    public void ClosingExactlyAtTheClosingDeadline_IsOnTimeForTheShiftLead_OneMillisecondLaterIsNot()
    {
        foreach (var (late, expected) in new[] { (0, 1), (1, 0) })
        {
            var c = InHandling();
            Step(c, Handler, CaseAction.Feedback, Tuesday0900.AddHours(1));
            Step(c, Operator, CaseAction.RequestCheck, Tuesday0900.AddHours(1));
            Step(c, Inspector, CaseAction.Check, Tuesday0900.AddHours(2), passed: true);
            Step(c, ShiftLead, CaseAction.Close, c.Case.StageDueAt!.Value.AddMilliseconds(late));
            var lead = Counts(c, EvaluationSubjectKind.ShiftLead, "3");
            Assert.Equal((1, 1, 1, expected), (lead.Registered, lead.RegisteredOnTime, lead.Closed, lead.ClosedOnTime));
        }
    }

    [Fact]
    public void SuspendedTime_DoesNotCount_FeedbackAfterTheOriginalDeadlineIsOnTime()
    {
        var c = InHandling();
        Step(c, Handler, CaseAction.RequestSuspension, Tuesday0900.AddHours(1), note: "等待配合");
        Step(c, Dispatcher, CaseAction.ApproveRequest, Tuesday0900.AddHours(1));
        Step(c, Dispatcher, CaseAction.Resume, Tuesday0900.AddDays(1).AddHours(1)); // Wednesday 10:00: one working day paused
        Assert.True(c.Case.StageDueAt > Tuesday0900.AddDays(1).AddHours(2));
        FinishFrom(c, Tuesday0900.AddDays(1).AddHours(2)); // after the original Wednesday 09:00 deadline
        Assert.Equal(1, Counts(c, EvaluationSubjectKind.District, "460106").ClosedOnTime);
        Assert.Equal(0, Counts(c, EvaluationSubjectKind.District, "460106").ClosedDeferred); // a suspension is not an extension
    }

    [Fact]
    public void ExtendedCase_IsDeferred_AndOnTimeWithinTheExtendedLimit()
    {
        var c = InHandling();
        Step(c, Handler, CaseAction.RequestExtension, Tuesday0900.AddHours(1), extension: 2, note: "更换设备");
        Step(c, Dispatcher, CaseAction.ApproveRequest, Tuesday0900.AddHours(1));
        FinishFrom(c, Tuesday0900.AddDays(2)); // Thursday: late for 1 day, on time for 3
        var district = Counts(c, EvaluationSubjectKind.District, "460106");
        Assert.Equal((1, 1, 1, 1), (district.Closed, district.ClosedOnTime, district.ClosedDeferred, district.ClosedDeferredOnTime));
        var card = EvaluationFormulas.Score(EvaluationSubjectKind.District, district, new EvaluationSettings { ExcludeDeferredFromDue = true });
        Assert.Null(card.Indicators.Single(i => i.Code == "onTimeClosureRate").Value); // due − deferred = 0
    }

    [Fact]
    public void Rework_CountsAgainstTheDepartment_AndOnlyTheLastHandlingDecidesOnTimeClosure()
    {
        var c = InHandling();
        Step(c, Handler, CaseAction.Feedback, Tuesday0900.AddHours(1));
        Step(c, Operator, CaseAction.RequestCheck, Tuesday0900.AddHours(1));
        Step(c, Inspector, CaseAction.Check, Tuesday0900.AddHours(2), passed: false);
        Step(c, Dispatcher, CaseAction.Rework, Tuesday0900.AddHours(3));
        FinishFrom(c, c.Case.StageDueAt!.Value.AddHours(1)); // the second handling is late
        var department = Counts(c, EvaluationSubjectKind.Department, "42");
        Assert.Equal((2, 1, 1, 1, 0), (department.Feedbacks, department.FeedbacksOnTime, department.Reworks, department.Closed, department.ClosedOnTime));
        var card = EvaluationFormulas.Score(EvaluationSubjectKind.Department, department, new EvaluationSettings());
        Assert.Equal(0.5, card.Indicators.Single(i => i.Code == "noReworkRate").Value);
        var inspector = Counts(c, EvaluationSubjectKind.Inspector, "1");
        Assert.Equal((2, 2), (inspector.Checks, inspector.ChecksOnTime));
    }

    [Fact]
    public void VoidedCase_CountsAgainstTheShiftLeadWhoRegisteredIt_NotTheOneWhoVoided()
    {
        var c = Reported();
        Step(c, ShiftLead, CaseAction.Register, Tuesday0900);
        var otherLead = new Actor(9, "另一值班长", Organisation.Roles.ShiftLead);
        Step(c, otherLead, CaseAction.Void, Tuesday0900.AddHours(1), note: "重复上报");
        Assert.Equal((1, 1), (Counts(c, EvaluationSubjectKind.ShiftLead, "3").Registered, Counts(c, EvaluationSubjectKind.ShiftLead, "3").Voided));
        Assert.True(Counts(c, EvaluationSubjectKind.ShiftLead, "9").IsEmpty);
        Assert.Equal(1, Counts(c, EvaluationSubjectKind.District, "460106").Voided);
        Assert.Equal(0, Counts(c, EvaluationSubjectKind.District, "460106").Closed);
    }

    [Fact]
    public void ApprovedReturn_CountsAgainstTheDispatcherOfTheLastDispatch()
    {
        var c = InHandling();
        Step(c, Handler, CaseAction.RequestReturn, Tuesday0900.AddHours(1), note: "非本单位职责");
        Step(c, Dispatcher, CaseAction.ApproveRequest, Tuesday0900.AddHours(1));
        Step(c, Dispatcher, CaseAction.Dispatch, Tuesday0900.AddHours(2), department: 43);
        var dispatcher = Counts(c, EvaluationSubjectKind.Dispatcher, "4");
        Assert.Equal((2, 1), (dispatcher.Dispatches, dispatcher.DispatchesReturned));
        Assert.Equal(1, Counts(c, EvaluationSubjectKind.Department, "43").Received);
        Assert.Equal(1, Counts(c, EvaluationSubjectKind.Department, "42").Received);
    }

    [Fact]
    public void InspectorReport_Verification_AndValidReport()
    {
        var c = Reported(CaseChannel.Inspector, Inspector);
        Step(c, Operator, CaseAction.RequestVerification, Tuesday0900.AddMinutes(15)); // exactly at the 15-minute accept limit
        Step(c, Inspector, CaseAction.Verify, Tuesday0900.AddHours(2), confirmed: true); // the 30-minute verify limit is long gone
        Step(c, ShiftLead, CaseAction.Register, Tuesday0900.AddHours(2));
        var inspector = Counts(c, EvaluationSubjectKind.Inspector, "1");
        Assert.Equal((1, 1, 1, 0), (inspector.Reported, inspector.ValidReports, inspector.Verifications, inspector.VerificationsOnTime));
        var op = Counts(c, EvaluationSubjectKind.IntakeOperator, "2");
        Assert.Equal((1, 1, 1), (op.IntakeHandled, op.VerificationRequests, op.VerificationRequestsOnTime));
        Assert.Equal(0, Counts(c, EvaluationSubjectKind.District, "460106").PublicReported);
    }

    [Fact]
    public void AReport_CountsUnderItsSettledType_DatedAtTheReport_WhenItLeavesIntake()
    {
        var c = Reported();
        c.History.Add(c.Case.Apply(new CaseCommand(CaseAction.Classify, Kind: CatalogueKind.Component, TypeCode: "0102"), Operator, Tuesday0900.AddMinutes(5), Context));
        Assert.DoesNotContain(CaseTrail.Replay(CaseFacts.Of(c.Case), c.History), i => i.SubjectKind == EvaluationSubjectKind.CaseType);
        var lamp = new CaseStandard
        {
            Id = 8, Kind = CatalogueKind.Component, TypeCode = "0102", RegistrationCondition = "路灯不亮", ClosingCondition = "修复",
            DepartmentRule = HandlingDepartmentRule.DistrictOfCase, TimeType = TimeType.WorkDay, TimeLimitAmount = 1,
        };
        // Registered eight days after the report, in the next month: the report still counts on the 22nd of September.
        c.History.Add(c.Case.Apply(new CaseCommand(CaseAction.Register), ShiftLead, Tuesday0900.AddDays(8), new WorkflowContext(CaseFixture.Calendar, WorkflowTimeLimits.Default, lamp)));
        var byType = CaseTrail.Replay(CaseFacts.Of(c.Case), c.History).Where(i => i.SubjectKind == EvaluationSubjectKind.CaseType).ToList();
        var reported = Assert.Single(byType, i => i.Measure == EvaluationMeasure.Reported);
        Assert.Equal(("Component:0102", Tuesday0900), (reported.SubjectKey, reported.At));
        Assert.Single(byType, i => i.Measure == EvaluationMeasure.Registered);
        Step(c, ShiftLead, CaseAction.Void, Tuesday0900.AddDays(9), note: "重复");
        Assert.Single(CaseTrail.Replay(CaseFacts.Of(c.Case), c.History), i => i.SubjectKind == EvaluationSubjectKind.CaseType && i.Measure == EvaluationMeasure.Reported);

        var rejected = Reported();
        Step(rejected, Operator, CaseAction.Reject, Tuesday0900.AddMinutes(3), note: "不属于受理范围");
        Assert.Equal(1, Counts(rejected, EvaluationSubjectKind.CaseType, "Matter:06010").Reported);
    }

    [Fact]
    public void DueIsReadFromTheDeadlineText()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 10, 30, 0, TimeSpan.Zero), CaseTrail.Due("due=2026-11-26T10:30:00.000Z;limit=30 min urgent_hour"));
        Assert.Null(CaseTrail.Due(null));
        Assert.Null(CaseTrail.Due("nonsense"));
    }
}
