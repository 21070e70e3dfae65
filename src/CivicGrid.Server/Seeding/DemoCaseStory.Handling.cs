using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Cases;

namespace CivicGrid.Server.Seeding;

internal sealed partial class DemoCaseStory
{
    /// <summary>The department accepts, may ask for more time or a suspension, feeds back; the intake operator sends the
    /// check to the grid's inspector (now and then late), who checks (a failed check means rework); the shift lead closes.</summary>
    private void Handle(DemoCaseRun run, DemoCasePlan plan, DemoCaseGrid grid)
    {
        var staff = world.Staff;
        var handler = staff.HandlerOf(run.Case.DepartmentId!.Value);
        var dispatcher = staff.DispatcherFor(run.Case.DistrictCode, random);
        if (!run.Do(new CaseCommand(CaseAction.Accept), handler, run.WithinUsed(Minutes(3, 50)))) return;

        if (plan.Outcome is DemoCaseOutcome.Extended or DemoCaseOutcome.ExtensionDenied)
        {
            var amount = run.Case.StageTimeType is TimeType.WorkDay or TimeType.NaturalDay ? 1 + random.Next(3) : 60 * (1 + random.Next(4));
            if (!run.Do(new CaseCommand(CaseAction.RequestExtension, "需协调施工队伍和材料，申请延期", ExtensionAmount: amount), handler, run.Within(Between(0.5, 0.8)))) return;
            var decision = plan.Outcome == DemoCaseOutcome.Extended
                ? new CaseCommand(CaseAction.ApproveRequest, "同意延期")
                : new CaseCommand(CaseAction.DenyRequest, "时限内可以完成，不同意延期");
            if (!run.Do(decision, dispatcher, run.Time.AddMinutes(10 + random.Next(80)))) return;
        }
        else if (plan.Outcome == DemoCaseOutcome.Suspended || plan.HaltAt == CaseStatus.Suspended)
        {
            if (!run.Do(new CaseCommand(CaseAction.RequestSuspension, "涉及产权单位协调，暂时无法处置，申请挂账"), handler, run.Within(Between(0.2, 0.5)))) return;
            if (!run.Do(new CaseCommand(CaseAction.ApproveRequest, "同意挂账"), dispatcher, run.Time.AddMinutes(10 + random.Next(60)))) return;
            if (!run.Do(new CaseCommand(CaseAction.Resume, "协调完毕，恢复处置"), dispatcher,
                    run.OnDuty(run.Time.AddDays(1 + random.Next(5)).AddHours(random.Next(8)), DemoShift.Office))) return;
        }

        var fraction = plan.Outcome switch
        {
            DemoCaseOutcome.ClosedLate => Between(1.1, 2.2),
            DemoCaseOutcome.ExtensionDenied => random.Next(2) == 0 ? Between(1.05, 1.5) : Between(0.6, 0.95),
            DemoCaseOutcome.Extended => Between(0.75, 0.97),
            _ => Between(0.2, 0.9),
        };
        if (plan.Supervised && fraction > 1.1)
        {
            if (!run.Do(new CaseCommand(CaseAction.Supervise, "该案件已超时，请加快处置并及时反馈"), staff.Leader,
                    run.OnDuty(run.Within(Between(1.02, fraction - 0.05)), DemoShift.Office))) return;
        }

        if (!run.Do(new CaseCommand(CaseAction.Feedback, plan.Type.Feedback), handler, run.Within(fraction))) return;
        var fails = plan.Outcome == DemoCaseOutcome.Reworked || plan.HaltAt == CaseStatus.CheckFailed;
        if (!Check(run, grid, passed: !fails)) return;
        if (fails)
        {
            var orderedBy = random.Next(2) == 0 ? dispatcher : staff.ShiftLead;
            if (!run.Do(new CaseCommand(CaseAction.Rework, "核查未通过，请返工彻底处置"), orderedBy, run.Within(Between(0.2, 0.8)))) return;
            if (!run.Do(new CaseCommand(CaseAction.Feedback, "已返工，" + plan.Type.Feedback), handler, run.Within(Between(0.2, 0.7)))) return;
            if (!Check(run, grid, passed: true)) return;
        }

        run.Do(new CaseCommand(CaseAction.Close), staff.ShiftLead, run.Within(Between(0.15, 0.85)));
    }

    private bool Check(DemoCaseRun run, DemoCaseGrid grid, bool passed) =>
        run.Do(new CaseCommand(CaseAction.RequestCheck, InspectorUserId: grid.Inspector.UserId), world.Staff.Operator,
            run.Within(random.NextDouble() < 0.1 ? Between(1.05, 1.8) : Between(0.1, 0.9)))
        && run.Do(new CaseCommand(CaseAction.Check, passed ? "现场核查已整改到位" : "现场仍有残留，未整改到位", Passed: passed),
            grid.Inspector, run.OnDuty(run.Within(Between(0.15, 0.9)), DemoShift.Street));

    /// <summary>A leader's supervision order (督办) on a case stuck in handling after its deadline.</summary>
    private void Supervise(DemoCaseRun run, DemoCasePlan plan)
    {
        if (!plan.Supervised || plan.HaltAt is null || run.Case.Status != plan.HaltAt || run.Case.StageDueAt is not { } due) return;
        run.Do(new CaseCommand(CaseAction.Supervise, "该案件超时未办结，请责任单位限期处置"), world.Staff.Leader,
            run.OnDuty(due.AddHours(2 + random.Next(46)), DemoShift.Office), whileStalled: true);
    }
}
