using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Evaluation;
using static CivicGrid.Domain.Tests.Cases.CaseFixture;

namespace CivicGrid.Domain.Tests.Evaluation;

/// <summary>Handling stages due in a period, closed or not (issue 14, item 5a): each counts once, at its deadline, when it
/// is decided — fed back, or marked overdue while still open.</summary>
public sealed partial class CaseTrailTests
{
    private static List<EvaluationIncrement> DueIncrements((Case Case, List<CaseHistoryEntry> History) c, string kind = "District") =>
        CaseTrail.Replay(CaseFacts.Of(c.Case), c.History)
            .Where(i => i.SubjectKind.ToString() == kind && CaseTrail.DatedAtDeadline(i.Measure)).ToList();

    [Fact]
    public void AnOpenStageMarkedOverdue_IsDueAtItsDeadline_NotOnTime_AndALateFeedbackAddsNothing()
    {
        var c = InHandling();
        var due = c.Case.StageDueAt!.Value;
        c.History.Add(c.Case.RaiseOverdue(due.AddMinutes(5))!.Value.Entry);
        var district = DueIncrements(c);
        Assert.Equal([(due, EvaluationMeasure.Due)], district.Select(i => (i.At, i.Measure)));
        Assert.Equal([(due, EvaluationMeasure.Due)], DueIncrements(c, "Department").Select(i => (i.At, i.Measure)));

        FinishFrom(c, due.AddDays(2));
        Assert.Equal(district, DueIncrements(c));
        var counts = Counts(c, EvaluationSubjectKind.District, "460106");
        Assert.Equal((1, 0, 1, 0), (counts.Due, counts.DueOnTime, counts.Closed, counts.ClosedOnTime));
    }

    [Fact]
    public void AStageFedBackEarly_IsDueAndOnTime_DatedAtItsDeadline_NotAtTheFeedback()
    {
        var c = InHandling();
        var due = c.Case.StageDueAt!.Value;
        FinishFrom(c, Tuesday0900.AddHours(1));
        Assert.Equal([(due, EvaluationMeasure.Due), (due, EvaluationMeasure.DueOnTime)], DueIncrements(c).Select(i => (i.At, i.Measure)));
        Assert.Equal(["42", "42"], DueIncrements(c, "Department").Select(i => i.SubjectKey));
    }

    [Fact]
    public void AReworkOpensAStageThatIsDueAgain_AtItsOwnDeadline()
    {
        var c = InHandling();
        var first = c.Case.StageDueAt!.Value;
        Step(c, Handler, CaseAction.Feedback, Tuesday0900.AddHours(1));
        Step(c, Operator, CaseAction.RequestCheck, Tuesday0900.AddHours(1));
        Step(c, Inspector, CaseAction.Check, Tuesday0900.AddHours(2), passed: false);
        Step(c, Dispatcher, CaseAction.Rework, Tuesday0900.AddHours(3));
        var second = c.Case.StageDueAt!.Value;
        FinishFrom(c, second.AddHours(1)); // late
        Assert.Equal([(first, EvaluationMeasure.Due), (first, EvaluationMeasure.DueOnTime), (second, EvaluationMeasure.Due)],
            DueIncrements(c, "Department").Select(i => (i.At, i.Measure)));
    }

    [Fact]
    public void AStageReturnedBeforeItsDeadline_IsNotDue_AndAnExtendedOneIsDeferred()
    {
        var returned = InHandling();
        Step(returned, Handler, CaseAction.RequestReturn, Tuesday0900.AddHours(1), note: "非本单位职责");
        Step(returned, Dispatcher, CaseAction.ApproveRequest, Tuesday0900.AddHours(1));
        if (returned.Case.RaiseOverdue(Tuesday0900.AddDays(30)) is { } mark) returned.History.Add(mark.Entry); // the dispatch stage's, not handling's
        Assert.Empty(DueIncrements(returned));

        var extended = InHandling();
        Step(extended, Handler, CaseAction.RequestExtension, Tuesday0900.AddHours(1), extension: 2, note: "更换设备");
        Step(extended, Dispatcher, CaseAction.ApproveRequest, Tuesday0900.AddHours(1));
        FinishFrom(extended, Tuesday0900.AddDays(2));
        var district = Counts(extended, EvaluationSubjectKind.District, "460106");
        Assert.Equal((1, 1, 1, 1), (district.Due, district.DueOnTime, district.DueDeferred, district.DueDeferredOnTime));
    }
}
