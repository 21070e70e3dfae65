using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Cases;
using static CivicGrid.Domain.Tests.Cases.CaseFixture;

namespace CivicGrid.Domain.Tests.Cases;

/// <summary>Return, extension and suspension requests, and the handling deadline on the working calendar.</summary>
public sealed class CaseRequestTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    [Fact]
    public void PendingRequest_BlocksFeedback_UntilTheDispatcherDecides()
    {
        var @case = Handling(Tuesday0900);
        @case.Do(Handler, CaseAction.RequestExtension, Tuesday0900, extension: 2, note: "需要更换设备");
        var refusal = Assert.Throws<WorkflowRefusalException>(() => @case.Do(Handler, CaseAction.Feedback, Tuesday0900));
        Assert.Equal(RefusalKind.NotNow, refusal.Kind);
        Assert.Contains("pending", refusal.Message);
        @case.Do(Dispatcher, CaseAction.DenyRequest, Tuesday0900);
        Assert.Null(@case.PendingRequest);
        @case.Do(Handler, CaseAction.Feedback, Tuesday0900);
        Assert.Equal(CaseStatus.FedBack, @case.Status);
    }

    [Fact]
    public void ApprovedReturn_SendsTheCaseBackToDispatch_WithoutADepartment()
    {
        var @case = Handling(Tuesday0900);
        @case.Do(Handler, CaseAction.RequestReturn, Tuesday0900, note: "不属于本单位");
        @case.Do(Dispatcher, CaseAction.ApproveRequest, Tuesday0900.AddMinutes(5));
        Assert.Equal(CaseStatus.Registered, @case.Status);
        Assert.Null(@case.DepartmentId);
        Assert.Equal(Tuesday0900.AddMinutes(35), @case.StageDueAt);
    }

    [Fact]
    public void ApprovedExtension_AddsWorkDaysToTheDeadline()
    {
        var @case = Handling(Tuesday0900); // 1 work day: used up Wednesday 09:00, due at Wednesday's close of business
        Assert.Equal(new DateTimeOffset(2026, 9, 23, 18, 0, 0, Cst), @case.StageDueAt);
        @case.Do(Handler, CaseAction.RequestExtension, Tuesday0900, extension: 2);
        @case.Do(Dispatcher, CaseAction.ApproveRequest, Tuesday0900);
        Assert.Equal(new DateTimeOffset(2026, 9, 25, 18, 0, 0, Cst), @case.StageDueAt); // Friday
        Assert.Equal(1, @case.ExtensionCount);
    }

    [Fact]
    public void HandlingDeadline_DispatchedBeforeNationalDay_FallsAfterTheHolidayWeek()
    {
        var @case = Handling(new DateTimeOffset(2026, 9, 30, 16, 0, 0, Cst)); // Wednesday before 1–7 Oct
        Assert.Equal(new DateTimeOffset(2026, 10, 8, 18, 0, 0, Cst), @case.StageDueAt);
    }

    [Fact]
    public void HandlingDeadline_DispatchedBeforeTheWorkingDayOnTheEveOfNationalDay_EndsAtThatDaysCloseOfBusiness()
    {
        // Issue 14 item 3: one working day from 07:52 on 30 Sep is the whole of 30 Sep, not "8 Oct 08:30".
        var @case = Handling(new DateTimeOffset(2026, 9, 30, 7, 52, 0, Cst));
        Assert.Equal(new DateTimeOffset(2026, 9, 30, 18, 0, 0, Cst), @case.StageDueAt);
        Assert.Equal(DeadlineLight.Red, @case.LightAt(new DateTimeOffset(2026, 10, 3, 10, 0, 0, Cst)));

        @case.Do(Handler, CaseAction.Feedback, new DateTimeOffset(2026, 10, 3, 10, 0, 0, Cst));
        Assert.False(@case.HandledOnTime); // feedback sent during the holiday is late
    }

    [Fact]
    public void HandlingDeadline_OnTheAdjustedSaturday_CountsItAsAWorkingDay_AndTheLightFollows()
    {
        var friday = new DateTimeOffset(2026, 10, 9, 10, 0, 0, Cst);
        var @case = Handling(friday);
        Assert.Equal(new DateTimeOffset(2026, 10, 10, 18, 0, 0, Cst), @case.StageDueAt);
        // 80 % of 7 working hours = 5 h 36 min: 10:00–12:00 and 14:30–18:00 give 5 h 30 min; 6 more minutes on Saturday.
        Assert.Equal(new DateTimeOffset(2026, 10, 10, 8, 36, 0, Cst), @case.StageYellowAt);
        Assert.Equal(DeadlineLight.Green, @case.LightAt(new DateTimeOffset(2026, 10, 10, 8, 35, 59, Cst)));
        Assert.Equal(DeadlineLight.Yellow, @case.LightAt(new DateTimeOffset(2026, 10, 10, 8, 36, 0, Cst)));
        Assert.Equal(DeadlineLight.Yellow, @case.LightAt(new DateTimeOffset(2026, 10, 10, 18, 0, 0, Cst)));
        Assert.Equal(DeadlineLight.Red, @case.LightAt(new DateTimeOffset(2026, 10, 10, 18, 0, 0, 1, Cst)));
    }

    [Fact]
    public void Suspension_StopsTheClock_AndResumingPushesTheDeadlineByTheWorkingTimeMissed()
    {
        var monday = new DateTimeOffset(2026, 9, 21, 9, 0, 0, Cst);
        var @case = Handling(monday); // used up Tuesday 09:00, due Tuesday 18:00
        @case.Do(Handler, CaseAction.RequestSuspension, monday.AddHours(1), note: "等待管线单位配合");
        @case.Do(Dispatcher, CaseAction.ApproveRequest, monday.AddHours(1)); // paused at Mon 10:00 with 6 h left
        Assert.Equal(CaseStatus.Suspended, @case.Status);
        Assert.Null(@case.StageDueAt);
        Assert.Equal(DeadlineLight.Green, @case.LightAt(monday.AddDays(20)));

        var resumed = new DateTimeOffset(2026, 9, 29, 9, 0, 0, Cst); // Tuesday a week later
        @case.Do(Dispatcher, CaseAction.Resume, resumed);
        Assert.Equal(CaseStatus.Handling, @case.Status);
        // 6 working hours from Tue 09:00 (09:00–12:00, 14:30–17:30) run out on Tuesday: due at its close of business.
        Assert.Equal(new DateTimeOffset(2026, 9, 29, 18, 0, 0, Cst), @case.StageDueAt);
    }

    [Fact]
    public void Feedback_RecordsWhetherHandlingWasOnTime_AtTheDeadlineExactlyIsOnTime()
    {
        var onTime = Handling(Tuesday0900);
        onTime.Do(Handler, CaseAction.Feedback, new DateTimeOffset(2026, 9, 23, 18, 0, 0, Cst));
        Assert.True(onTime.HandledOnTime);
        var late = Handling(Tuesday0900);
        late.Do(Handler, CaseAction.Feedback, new DateTimeOffset(2026, 9, 23, 18, 0, 1, Cst));
        Assert.False(late.HandledOnTime);
    }

    [Fact]
    public void ExtensionRequest_WithoutAPositiveAmount_IsInvalid()
    {
        var @case = Handling(Tuesday0900);
        var refusal = Assert.Throws<WorkflowRefusalException>(() => @case.Do(Handler, CaseAction.RequestExtension, Tuesday0900, extension: 0));
        Assert.Equal("extensionAmount", refusal.Field);
        Assert.Null(@case.PendingRequest);
    }
}
