using System.Globalization;
using CivicGrid.Domain.Cases;

namespace CivicGrid.Domain.Evaluation;

/// <summary>
/// Reads a case's history step by step and says which evaluation counters each step moves (docs/domain/evaluation.md §2). The same
/// reading serves the incremental roll-ups (one step at a time, as it is taken) and the full recomputation (all history
/// replayed), so both give the same figures by construction; a test checks it end to end.
/// </summary>
/// <remarks>
/// Rules, in the domain's words:
/// <list type="bullet">
/// <item>A step is on time when it happens at or before the deadline in force just before it (the stage deadline the
/// previous entry recorded): a case closed exactly at its deadline is on time. No deadline in force (e.g. suspended) = on time.</item>
/// <item>Handling is on time when the department's feedback came within the handling limit, which an approved extension
/// lengthens and a suspension pauses; a closed case counts as closed on time when its last feedback was on time.</item>
/// <item>A case with an approved extension is "deferred" (延期) when it closes.</item>
/// <item>Each handling stage (from a dispatch or a rework order to the feedback) is "due" at its deadline, closed or not: it
/// counts in the period its deadline falls in once it is decided — fed back (on time or late), or marked overdue while still
/// open. A stage returned or voided before either counts nothing; suspension moves the deadline (the domain's).</item>
/// <item>Each event counts in the period in which it happens; positions are credited by the role recorded on the step.</item>
/// <item>Voiding a case counts against the shift lead who registered it (accurate registration); an approved return counts
/// against the dispatcher of the last dispatch (accurate dispatch).</item>
/// </list>
/// </remarks>
public sealed partial class CaseTrail(CaseFacts facts)
{
    private DateTimeOffset? _dueInForce;
    private int? _department;
    private int? _registrarShiftLead;
    private int? _lastDispatcher;
    private bool _deferred;
    private bool _lastHandlingOnTime;
    private DateTimeOffset? _reportedAt;
    private bool _typeReportCounted;
    private bool _handlingOpen;
    private bool _handlingDecided;

    /// <summary>Replays a whole history (entries in sequence order).</summary>
    public static IEnumerable<EvaluationIncrement> Replay(CaseFacts facts, IEnumerable<CaseHistoryEntry> history)
    {
        var trail = new CaseTrail(facts);
        foreach (var entry in history)
        {
            foreach (var increment in trail.Step(entry)) yield return increment;
        }
    }

    /// <summary>The counters <paramref name="entry"/> moves, given the steps before it; then moves past it.</summary>
    public IReadOnlyList<EvaluationIncrement> Step(CaseHistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var at = entry.At;
        var onTime = _dueInForce is not { } due || at <= due;
        var role = entry.ActorRole;
        var c = new StepCounts(facts, at, entry.ActorUserId?.ToString(CultureInfo.InvariantCulture));

        var isPublic = CaseChannels.IsPublic(facts.Channel);
        switch (entry.Action)
        {
            case "report":
                _reportedAt = at;
                c.Regions(EvaluationMeasure.Reported);
                c.Breakdown(EvaluationMeasure.Reported, byType: false);
                if (isPublic) c.Regions(EvaluationMeasure.PublicReported);
                if (facts.Channel == CaseChannel.Inspector && Is(role, "Inspector")) c.Actor(EvaluationSubjectKind.Inspector, EvaluationMeasure.Reported);
                break;
            case "request_verification":
                if (Is(role, "IntakeOperator"))
                {
                    c.Actor(EvaluationSubjectKind.IntakeOperator, EvaluationMeasure.IntakeHandled);
                    c.Actor(EvaluationSubjectKind.IntakeOperator, EvaluationMeasure.VerificationRequests);
                    c.Actor(EvaluationSubjectKind.IntakeOperator, EvaluationMeasure.VerificationRequestsOnTime, onTime);
                }
                break;
            case "verify":
                c.Actor(EvaluationSubjectKind.Inspector, EvaluationMeasure.Verifications);
                c.Actor(EvaluationSubjectKind.Inspector, EvaluationMeasure.VerificationsOnTime, onTime);
                break;
            case "register":
                TypeReported(c);
                c.Regions(EvaluationMeasure.Registered);
                c.Breakdown(EvaluationMeasure.Registered, byType: true);
                if (isPublic) c.Regions(EvaluationMeasure.PublicRegistered);
                if (facts.Channel == CaseChannel.Inspector) c.Person(EvaluationSubjectKind.Inspector, facts.ReporterUserId, EvaluationMeasure.ValidReports);
                if (Is(role, "ShiftLead"))
                {
                    c.Actor(EvaluationSubjectKind.ShiftLead, EvaluationMeasure.Registered);
                    c.Actor(EvaluationSubjectKind.ShiftLead, EvaluationMeasure.RegisteredOnTime, onTime);
                    _registrarShiftLead = entry.ActorUserId;
                }
                else
                {
                    c.Actor(EvaluationSubjectKind.IntakeOperator, EvaluationMeasure.IntakeHandled, Is(role, "IntakeOperator"));
                    _registrarShiftLead = null;
                }
                break;
            case "reject":
                TypeReported(c);
                c.Actor(EvaluationSubjectKind.IntakeOperator, EvaluationMeasure.IntakeHandled, Is(role, "IntakeOperator"));
                break;
            case "void":
                _handlingOpen = false;
                TypeReported(c);
                c.Regions(EvaluationMeasure.Voided);
                c.Person(EvaluationSubjectKind.ShiftLead, _registrarShiftLead, EvaluationMeasure.Voided);
                break;
            case "dispatch":
                _department = DataInt(entry.Data, "department");
                _lastDispatcher = entry.ActorUserId;
                (_handlingOpen, _handlingDecided) = (true, false);
                c.Actor(EvaluationSubjectKind.Dispatcher, EvaluationMeasure.Dispatches);
                c.Actor(EvaluationSubjectKind.Dispatcher, EvaluationMeasure.DispatchesOnTime, onTime);
                c.Department(_department, EvaluationMeasure.Received);
                break;
            case "approve_request":
                var approved = DataText(entry.Data, "approved");
                if (approved == "Return")
                {
                    c.Person(EvaluationSubjectKind.Dispatcher, _lastDispatcher, EvaluationMeasure.DispatchesReturned);
                    _department = null;
                    _handlingOpen = false;
                }
                else if (approved == "Extension")
                {
                    _deferred = true;
                }
                break;
            case "feedback":
                _lastHandlingOnTime = DataText(entry.Data, "onTime") is { } text ? string.Equals(text, "True", StringComparison.OrdinalIgnoreCase) : onTime;
                c.Department(_department, EvaluationMeasure.Feedbacks);
                c.Department(_department, EvaluationMeasure.FeedbacksOnTime, _lastHandlingOnTime);
                HandlingDue(c, _lastHandlingOnTime, at);
                _handlingOpen = false;
                break;
            case "overdue":
                if (DataText(entry.Data, "stage") == nameof(CaseStage.Handling)) HandlingDue(c, handledOnTime: false, at);
                break;
            case "request_check":
                if (Is(role, "IntakeOperator"))
                {
                    c.Actor(EvaluationSubjectKind.IntakeOperator, EvaluationMeasure.CheckRequests);
                    c.Actor(EvaluationSubjectKind.IntakeOperator, EvaluationMeasure.CheckRequestsOnTime, onTime);
                }
                break;
            case "check":
                c.Actor(EvaluationSubjectKind.Inspector, EvaluationMeasure.Checks);
                c.Actor(EvaluationSubjectKind.Inspector, EvaluationMeasure.ChecksOnTime, onTime);
                break;
            case "rework":
                c.Department(_department, EvaluationMeasure.Reworks);
                (_handlingOpen, _handlingDecided) = (true, false);
                break;
            case "close":
                c.Regions(EvaluationMeasure.Closed);
                if (_lastHandlingOnTime) c.Regions(EvaluationMeasure.ClosedOnTime);
                c.Breakdown(EvaluationMeasure.Closed, byType: true);
                if (_lastHandlingOnTime) c.Breakdown(EvaluationMeasure.ClosedOnTime, byType: true);
                if (_deferred) c.Regions(EvaluationMeasure.ClosedDeferred);
                if (_deferred && _lastHandlingOnTime) c.Regions(EvaluationMeasure.ClosedDeferredOnTime);
                c.Department(_department, EvaluationMeasure.Closed);
                c.Department(_department, EvaluationMeasure.ClosedOnTime, _lastHandlingOnTime);
                c.Department(_department, EvaluationMeasure.ClosedDeferred, _deferred);
                c.Department(_department, EvaluationMeasure.ClosedDeferredOnTime, _deferred && _lastHandlingOnTime);
                c.Actor(EvaluationSubjectKind.ShiftLead, EvaluationMeasure.Closed);
                c.Actor(EvaluationSubjectKind.ShiftLead, EvaluationMeasure.ClosedOnTime, onTime);
                break;
            case "reopen":
                _department = null;
                _handlingOpen = false;
                break;
        }
        // The overdue mark records the same deadline again; a step without a clock (final, suspended) clears it.
        _dueInForce = Due(entry.Deadline);
        return c.Increments;
    }
}
