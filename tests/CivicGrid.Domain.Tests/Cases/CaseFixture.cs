using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Organisation;

namespace CivicGrid.Domain.Tests.Cases;

/// <summary>A case on a hand-made calendar (National Day 2026: 1–7 Oct off, Sat 10 Oct worked) and the actors of every role.</summary>
internal static class CaseFixture
{
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static readonly WorkingCalendar Calendar = WorkingCalendar.Standard(Shanghai,
    [
        .. Enumerable.Range(1, 7).Select(d => new CalendarDay(new DateOnly(2026, 10, d), CalendarDayKind.Holiday, "国庆节")),
        new CalendarDay(new DateOnly(2026, 10, 10), CalendarDayKind.AdjustedWorkingDay, "国庆节调休"),
    ]);

    /// <summary>Exposed garbage: 1 work day, handled by the district.</summary>
    public static readonly CaseStandard Garbage = new()
    {
        Id = 7, Kind = CatalogueKind.Matter, TypeCode = "06010", RegistrationCondition = "暴露垃圾", ClosingCondition = "清理干净",
        DepartmentRule = HandlingDepartmentRule.DistrictOfCase, TimeType = TimeType.WorkDay, TimeLimitAmount = 1,
    };

    public static readonly WorkflowContext Context = new(Calendar, WorkflowTimeLimits.Default, Garbage);

    public static readonly Actor Inspector = new(1, "监督员", Roles.Inspector);
    public static readonly Actor Operator = new(2, "受理员", Roles.IntakeOperator);
    public static readonly Actor ShiftLead = new(3, "值班长", Roles.ShiftLead);
    public static readonly Actor Dispatcher = new(4, "派遣员", Roles.Dispatcher);
    public static readonly Actor Handler = new(5, "环卫所", Roles.DepartmentHandler, DepartmentId: 42);
    public static readonly Actor OtherHandler = new(6, "园林所", Roles.DepartmentHandler, DepartmentId: 43);
    public static readonly Actor Leader = new(7, "领导", Roles.Leader);

    /// <summary>Tuesday 22 Sep 2026, 09:00 in Shanghai.</summary>
    public static readonly DateTimeOffset Tuesday0900 = new(2026, 9, 22, 9, 0, 0, TimeSpan.FromHours(8));

    public static Case NewCase(DateTimeOffset? at = null, CaseChannel channel = CaseChannel.Citizen)
    {
        var (@case, entry) = Case.Report("HK2026092200001", "460100",
            new ReportDetails(channel, "路边有暴露垃圾", 110.33, 20.02, "46010600100101", "460106001001", "460106001", "460106", true,
                CatalogueKind.Matter, "06010", ReporterPhone: "13800000000"),
            Operator, at ?? Tuesday0900, Context, id: 1);
        return @case;
    }

    public static CaseHistoryEntry Do(this Case @case, Actor actor, CaseAction action, DateTimeOffset at,
        bool? confirmed = null, bool? passed = null, int? department = null, int? extension = null, string? note = null) =>
        @case.Apply(new CaseCommand(action, note, confirmed, passed, department, extension,
            InspectorUserId: action == CaseAction.RequestCheck ? Inspector.UserId : null), actor, at, Context);

    /// <summary>Report → register → dispatch to department 42 → accept, all at <paramref name="at"/>.</summary>
    public static Case Handling(DateTimeOffset at)
    {
        var @case = NewCase(at);
        @case.Do(Operator, CaseAction.Register, at);
        @case.Do(Dispatcher, CaseAction.Dispatch, at, department: 42);
        @case.Do(Handler, CaseAction.Accept, at);
        return @case;
    }
}
