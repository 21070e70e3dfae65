using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Cases;
using static CivicGrid.Domain.Tests.Calendar.TestCalendar;

namespace CivicGrid.Domain.Tests.Calendar;

/// <summary>The test calendar has holidays in 2024 (National Day) and 2025 (New Year), none in 2026.</summary>
public class CalendarCoverageTests
{
    [Fact]
    public void AYearWithAHoliday_IsCovered_AndAYearWithNone_IsNot()
    {
        Assert.Equal([2024, 2025], WorkCalendar.CoveredYears);
        Assert.True(WorkCalendar.Covers(Date("2024-12-20"), Date("2025-03-01")));
        Assert.False(WorkCalendar.Covers(Date("2025-12-20"), Date("2026-01-05")));
        Assert.Equal(Date("2025-12-31"), WorkCalendar.CoveredThrough(Date("2024-06-01")));
        Assert.Null(WorkCalendar.CoveredThrough(Date("2026-06-01")));
    }

    [Fact]
    public void AYearWithOnlyAnAdjustedWorkingDay_IsNotCovered()
    {
        var calendar = WorkingCalendar.Standard(Shanghai, [new(Date("2027-02-06"), CalendarDayKind.AdjustedWorkingDay, "春节")]);

        Assert.Empty(calendar.CoveredYears);
    }

    [Fact]
    public void AWorkDayDeadlineCountedIntoAnUncoveredYear_IsBeyondTheCalendar_AnUrgentOneNever()
    {
        var standard = new CivicGrid.Domain.Catalogue.CaseStandard
        {
            Id = 1, Kind = CivicGrid.Domain.Catalogue.CatalogueKind.Matter, TypeCode = "06010", RegistrationCondition = "r",
            ClosingCondition = "c", DepartmentRule = CivicGrid.Domain.Catalogue.HandlingDepartmentRule.DistrictOfCase,
            TimeType = TimeType.WorkDay, TimeLimitAmount = 1,
        };
        var context = new WorkflowContext(WorkCalendar, WorkflowTimeLimits.Default, standard);
        var (@case, report) = Case.Report("X", "460100",
            new ReportDetails(CaseChannel.Citizen, "垃圾", 110.3, 20.0, "g", "c", "s", "d", true, CivicGrid.Domain.Catalogue.CatalogueKind.Matter, "06010"),
            new Actor(2, "受理员", CivicGrid.Domain.Organisation.Roles.IntakeOperator), At("2025-12-31 09:00"), context, id: 1);
        Assert.False(@case.DeadlineBeyondCalendar(WorkCalendar)); // urgent minutes: the calendar does not matter

        @case.Apply(new CaseCommand(CaseAction.Register, null, null, null, null, null), new Actor(2, "受理员", CivicGrid.Domain.Organisation.Roles.IntakeOperator), At("2025-12-31 09:00"), context);
        var dispatch = @case.Apply(new CaseCommand(CaseAction.Dispatch, null, null, null, 42, null),
            new Actor(4, "派遣员", CivicGrid.Domain.Organisation.Roles.Dispatcher), At("2025-12-31 10:00"), context);

        Assert.True(@case.DeadlineBeyondCalendar(WorkCalendar)); // due 2 Jan 2026
        Assert.EndsWith(";calendar=beyond", dispatch.Deadline, StringComparison.Ordinal);
    }
}
