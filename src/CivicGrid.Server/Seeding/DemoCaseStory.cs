using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Catalogue;

namespace CivicGrid.Server.Seeding;

/// <summary>Tells one demo case's story through the domain: the report (<see cref="Case.Report"/>), then the steps
/// of docs/domain/workflow-and-time-limits.md §4 by the people who take them, in the order and at the pace the plan's outcome calls for.</summary>
internal sealed partial class DemoCaseStory(DemoCaseWorld world, DateTimeOffset now, Random random)
{
    private static readonly string[] Surnames = ["王", "李", "陈", "林", "符", "吴", "黄", "张", "周", "刘", "郑", "冯", "邢", "云", "韩"];

    public DemoCaseRun Tell(DemoCasePlan plan)
    {
        var context = world.Contexts[plan.Type.Code];
        var grid = world.Places.PickGrid(random);
        var (longitude, latitude, address) = DemoCasePlaces.Position(grid, random);
        var channel = plan.Arrival.Channel;
        var isPublic = CaseChannels.IsPublic(channel);
        var reporter = isPublic ? $"市民{Surnames[random.Next(Surnames.Length)]}{(random.Next(2) == 0 ? "先生" : "女士")}" : null;
        var details = new ReportDetails(
            channel, plan.Type.Descriptions[random.Next(plan.Type.Descriptions.Count)], longitude, latitude,
            grid.Code, grid.CommunityCode, grid.StreetCode, grid.DistrictCode, IsBuiltUp: true,
            plan.Untyped ? null : CatalogueKind.Matter, plan.Untyped ? null : plan.Type.Code, Address: address,
            ReporterName: reporter, ReporterPhone: isPublic && channel != CaseChannel.Open311 ? $"1{3 + random.Next(3) * 2}{random.Next(100_000_000, 1_000_000_000)}" : null);
        var (@case, report) = Case.Report(plan.Number, world.City.Code, details, Reporter(channel, grid, reporter), plan.Arrival.At, context, plan.Id);

        var run = new DemoCaseRun(@case, report, context, now, plan.HaltAt, random);
        if (Intake(run, plan, grid) && Dispatch(run, plan)) Handle(run, plan, grid);
        Supervise(run, plan);
        run.Finish();
        return run;
    }

    private Actor Reporter(CaseChannel channel, DemoCaseGrid grid, string? citizen) => channel switch
    {
        CaseChannel.Inspector => grid.Inspector,
        CaseChannel.Citizen or CaseChannel.Open311 => Actor.Citizen(citizen),
        CaseChannel.LeaderInstruction => world.Staff.Leader,
        _ => world.Staff.Operator,
    };

    /// <summary>Classify, verify public reports on site, then register or reject. False when the story ends here.</summary>
    private bool Intake(DemoCaseRun run, DemoCasePlan plan, DemoCaseGrid grid)
    {
        var staff = world.Staff;
        if (plan.Untyped && !run.Do(new CaseCommand(CaseAction.Classify, Kind: CatalogueKind.Matter, TypeCode: plan.Type.Code),
                staff.Operator, run.Within(Between(0.1, 0.6)))) return false;

        if (CaseChannels.IsPublic(plan.Arrival.Channel))
        {
            if (!run.Do(new CaseCommand(CaseAction.RequestVerification), staff.Operator, run.Within(Between(0.2, 0.8)))) return false;
            var confirmed = plan.Outcome != DemoCaseOutcome.NotConfirmed;
            if (!run.Do(new CaseCommand(CaseAction.Verify, confirmed ? "现场核实属实，已拍照" : "现场未发现所述问题", Confirmed: confirmed),
                    grid.Inspector, run.OnDuty(run.Within(Between(0.2, 0.9)), DemoShift.Street))) return false;
            if (!confirmed)
            {
                run.Do(new CaseCommand(CaseAction.Reject, "经现场核实不属实，不予立案"), staff.Operator, run.Within(Between(0.1, 0.7)));
                return false;
            }
        }
        else if (plan.Outcome == DemoCaseOutcome.RejectedAtIntake)
        {
            var reason = random.Next(2) == 0 ? "不属于城市管理范围，已告知相关单位" : "与已受理案件重复，不予立案";
            run.Do(new CaseCommand(CaseAction.Reject, reason), staff.Operator, run.Within(Between(0.2, 0.8)));
            return false;
        }

        var registrar = random.NextDouble() < 0.6 ? staff.Operator : staff.ShiftLead;
        if (!run.Do(new CaseCommand(CaseAction.Register), registrar, run.Within(Between(0.15, 0.8)))) return false;
        if (plan.Outcome == DemoCaseOutcome.Voided)
        {
            run.Do(new CaseCommand(CaseAction.Void, "与已立案案件重复，予以作废"), staff.ShiftLead, run.Within(Between(0.2, 0.8)));
            return false;
        }

        return true;
    }

    /// <summary>Dispatch to the routed department; for a returned case first to a wrong one, which asks to return it.</summary>
    private bool Dispatch(DemoCaseRun run, DemoCasePlan plan)
    {
        var standard = world.Contexts[plan.Type.Code].Standard!;
        var right = world.Routing.Suggest(standard, run.Case.DistrictCode) ?? world.Routing.Choose(run.Case.DistrictCode, random);
        var dispatcher = world.Staff.DispatcherFor(run.Case.DistrictCode, random);
        if (plan.Outcome == DemoCaseOutcome.Returned)
        {
            var wrong = world.Routing.Choose(run.Case.DistrictCode, random, except: right);
            if (!run.Do(new CaseCommand(CaseAction.Dispatch, DepartmentId: wrong), dispatcher, run.Within(Between(0.2, 0.8)))) return false;
            if (!run.Do(new CaseCommand(CaseAction.RequestReturn, "不属于本单位职责范围，申请回退改派"), world.Staff.HandlerOf(wrong), run.WithinUsed(Minutes(10, 90)))) return false;
            if (!run.Do(new CaseCommand(CaseAction.ApproveRequest, "同意回退，重新派遣"), dispatcher, run.Time.AddMinutes(5 + random.Next(40)))) return false;
        }

        return run.Do(new CaseCommand(CaseAction.Dispatch, DepartmentId: right), dispatcher, run.Within(Between(0.2, 0.8)));
    }

    private TimeSpan Minutes(int from, int to) => TimeSpan.FromMinutes(from + (to - from) * random.NextDouble());

    private double Between(double low, double high) => low + (high - low) * random.NextDouble();
}
