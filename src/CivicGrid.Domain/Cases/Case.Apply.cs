using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Catalogue;

namespace CivicGrid.Domain.Cases;

public sealed partial class Case
{
    /// <summary>Takes one step. Refuses (with <see cref="WorkflowRefusalException"/>) a step the state, the actor's roles or
    /// department, or the inputs do not allow; otherwise changes the case and returns the history entry.</summary>
    public CaseHistoryEntry Apply(CaseCommand command, Actor actor, DateTimeOffset now, WorkflowContext context)
    {
        if (!CaseWorkflow.Rules.TryGetValue(command.Action, out var rule))
            throw new WorkflowRefusalException(RefusalKind.Invalid, "action: unknown action.", CaseWorkflow.AllowedFor(this, actor), "action");
        if (CaseWorkflow.Why(this, actor, command.Action, rule) is { } refusal)
        {
            throw new WorkflowRefusalException(refusal.Kind, refusal.Reason, CaseWorkflow.AllowedFor(this, actor));
        }
        now = WholeMilliseconds(now);
        var role = (actor.Roles & rule.Roles).ToString().Split(',')[0].Trim();
        var from = Status;
        var data = Step(command, now, context);
        UpdatedAt = now;
        Version++;
        return Record(now, actor, role, command.Action.ToCode(), from, command.Note, data, command.AttachmentIds, context.Calendar);
    }

    private string? Step(CaseCommand c, DateTimeOffset now, WorkflowContext context)
    {
        var limits = context.Limits;
        switch (c.Action)
        {
            case CaseAction.Classify:
                if (c.Kind is null || string.IsNullOrWhiteSpace(c.TypeCode)) throw Invalid("typeCode", "typeCode: give the kind and the type code.");
                (Kind, TypeCode) = (c.Kind, c.TypeCode);
                return $"kind={c.Kind};type={c.TypeCode}";
            case CaseAction.RequestVerification:
                MoveTo(CaseStatus.Verifying, now, IsBuiltUp ? limits.VerifyUrban : limits.VerifyRural, context);
                return null;
            case CaseAction.Verify:
                if (c.Confirmed is not { } confirmed) throw Invalid("confirmed", "confirmed: say whether the problem was found on site.");
                VerificationConfirmed = confirmed;
                MoveTo(CaseStatus.Verified, now, IsUrgent ? limits.RegisterUrgent : limits.Register, context);
                return $"confirmed={confirmed}";
            case CaseAction.Register:
                var standard = RequireStandard(context);
                IsUrgent = standard.IsUrgent;
                RegisteredAt = now;
                MoveTo(CaseStatus.Registered, now, IsUrgent ? limits.DispatchUrgent : limits.Dispatch, context);
                return $"standard={standard.Id}";
            case CaseAction.Reject:
            case CaseAction.Void:
                if (string.IsNullOrWhiteSpace(c.Note)) throw Invalid("note", "note: give the reason.");
                Finish(c.Action == CaseAction.Reject ? CaseStatus.Rejected : CaseStatus.Voided, now);
                return null;
            case CaseAction.Dispatch:
                if (c.DepartmentId is not { } department) throw Invalid("departmentId", "departmentId: choose the department (no routing rule matched).");
                DepartmentId = department;
                DispatchedAt = now;
                HandledOnTime = null;
                MoveTo(CaseStatus.Dispatched, now, HandlingLimit(context), context);
                return $"department={department}";
            case CaseAction.Accept:
                Status = CaseStatus.Handling; // the handling clock runs on from dispatch
                return null;
            case CaseAction.Feedback:
                HandledOnTime = StageDueAt is { } due && now <= due;
                FeedbackAt = now;
                MoveTo(CaseStatus.FedBack, now, limits.CheckDispatch, context);
                return $"onTime={HandledOnTime}";
            case CaseAction.RequestCheck:
                if (c.InspectorUserId is not { } inspector) throw Invalid("inspectorUserId", "inspectorUserId: choose the inspector who checks on site.");
                CheckInspectorUserId = inspector;
                MoveTo(CaseStatus.Checking, now, IsBuiltUp ? limits.CheckUrban : limits.CheckRural, context);
                return $"inspector={inspector}";
            case CaseAction.RequestReturn:
            case CaseAction.RequestSuspension:
                if (string.IsNullOrWhiteSpace(c.Note)) throw Invalid("note", "note: give the reason for the request.");
                PendingRequest = c.Action == CaseAction.RequestReturn ? PendingRequestKind.Return : PendingRequestKind.Suspension;
                PendingRequestNote = c.Note;
                return $"request={PendingRequest}";
            case CaseAction.RequestExtension:
                if (c.ExtensionAmount is not > 0) throw Invalid("extensionAmount", "extensionAmount: give the extra time (minutes or days, as the limit), more than 0.");
                (PendingRequest, PendingRequestNote, PendingExtensionAmount) = (PendingRequestKind.Extension, c.Note, c.ExtensionAmount);
                return $"request=Extension;amount={c.ExtensionAmount}";
            case CaseAction.ApproveRequest:
                return Approve(now, context);
            case CaseAction.DenyRequest:
                var denied = PendingRequest;
                ClearRequest();
                return $"denied={denied}";
            case CaseAction.Resume:
                ResumeClock(now, context.Calendar);
                Status = CaseStatus.Handling;
                return null;
            case CaseAction.Check:
                if (c.Passed is not { } passed) throw Invalid("passed", "passed: say whether the fix passed the check.");
                MoveTo(passed ? CaseStatus.AwaitingClose : CaseStatus.CheckFailed, now, passed ? limits.Close : limits.ReworkOrder, context);
                return $"passed={passed}";
            case CaseAction.Rework:
                ReworkCount++;
                HandledOnTime = null;
                MoveTo(CaseStatus.Handling, now, HandlingLimit(context), context);
                return $"rework={ReworkCount}";
            case CaseAction.Close:
                ClosedAt = now;
                Finish(CaseStatus.Closed, now);
                return null;
            case CaseAction.Reopen:
                ClosedAt = null;
                DepartmentId = null;
                MoveTo(CaseStatus.Registered, now, IsUrgent ? limits.DispatchUrgent : limits.Dispatch, context);
                return null;
            case CaseAction.Supervise:
                if (string.IsNullOrWhiteSpace(c.Note)) throw Invalid("note", "note: write the supervision order.");
                SupervisionCount++;
                return $"supervision={SupervisionCount}";
            default:
                throw Invalid("action", "action: unknown action.");
        }
    }

    private string Approve(DateTimeOffset now, WorkflowContext context)
    {
        var approved = PendingRequest!.Value;
        var amount = PendingExtensionAmount;
        ClearRequest();
        switch (approved)
        {
            case PendingRequestKind.Return:
                DepartmentId = null;
                MoveTo(CaseStatus.Registered, now, IsUrgent ? context.Limits.DispatchUrgent : context.Limits.Dispatch, context);
                break;
            case PendingRequestKind.Extension:
                ExtensionCount++;
                StageLimitAmount += amount!.Value;
                RecomputeDeadline(now, context.Calendar);
                break;
            case PendingRequestKind.Suspension:
                PauseClock(now, context.Calendar);
                Status = CaseStatus.Suspended;
                break;
        }
        return amount is null ? $"approved={approved}" : $"approved={approved};amount={amount}";
    }

    private void ClearRequest() => (PendingRequest, PendingRequestNote, PendingExtensionAmount) = (null, null, null);

    private CaseStandard RequireStandard(WorkflowContext context)
    {
        if (Kind is null || TypeCode is null) throw Invalid("typeCode", "typeCode: classify the report before registering it.");
        return context.Standard is { } s && s.Kind == Kind && s.TypeCode == TypeCode
            ? s
            : throw Invalid("typeCode", $"typeCode: there is no case standard (立结案标准) for {Kind} {TypeCode}; registering needs one.");
    }

    private TimeLimit HandlingLimit(WorkflowContext context)
    {
        var standard = RequireStandard(context);
        return new TimeLimit(standard.TimeType, standard.TimeLimitAmount);
    }

    private static WorkflowRefusalException Invalid(string field, string message) => new(RefusalKind.Invalid, message, [], field);

    private CaseHistoryEntry Record(DateTimeOffset now, Actor actor, string role, string action, CaseStatus? from,
        string? note, string? data, IReadOnlyList<Guid>? attachments = null, WorkingCalendar? calendar = null)
    {
        var entry = new CaseHistoryEntry
        {
            CaseId = Id, Sequence = ++HistoryCount, At = now, ActorUserId = actor.UserId, ActorName = actor.Name,
            ActorRole = role, Action = action, FromStatus = from, ToStatus = Status, Note = note,
            AttachmentIds = attachments is { Count: > 0 } ? string.Join(',', attachments) : null,
            Deadline = DeadlineRecord.Format(StageDueAt, StageLimit, calendar is not null && DeadlineBeyondCalendar(calendar)),
            Data = data, PreviousHash = LastHistoryHash, Hash = "",
        };
        if (Id != 0) Seal(entry);
        return entry;
    }

    /// <summary>Computes the entry's hash and advances the case's chain (every step's entry, as it is recorded; a new
    /// case's report entry once the case has its id, see <see cref="SealReport"/>).</summary>
    private void Seal(CaseHistoryEntry entry)
    {
        entry.CaseId = Id;
        entry.Hash = HistoryChain.ComputeHash(entry);
        LastHistoryHash = entry.Hash;
    }
}
