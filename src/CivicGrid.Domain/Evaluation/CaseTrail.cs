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
public sealed class CaseTrail(CaseFacts facts)
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
        var list = new List<EvaluationIncrement>();
        var at = entry.At;
        var district = facts.DistrictCode ?? "";
        var onTime = _dueInForce is not { } due || at <= due;
        var actor = entry.ActorUserId?.ToString(CultureInfo.InvariantCulture);
        var role = entry.ActorRole;

        void Regions(EvaluationMeasure measure)
        {
            if (facts.DistrictCode is { } d) list.Add(new(at, EvaluationSubjectKind.District, d, district, measure));
            if (facts.StreetCode is { } s) list.Add(new(at, EvaluationSubjectKind.Street, s, district, measure));
            if (facts.CommunityCode is { } c) list.Add(new(at, EvaluationSubjectKind.Community, c, district, measure));
            if (facts.GridCode is { } g) list.Add(new(at, EvaluationSubjectKind.Grid, g, district, measure));
        }
        void Breakdown(EvaluationMeasure measure, bool byType)
        {
            list.Add(new(at, EvaluationSubjectKind.Channel, facts.Channel.ToString(), district, measure));
            if (byType && facts.TypeKey is { } t) list.Add(new(at, EvaluationSubjectKind.CaseType, t, district, measure));
        }
        // A report counts under its type in the period it was reported in, but the type is only settled when the report
        // leaves intake (registered, rejected or voided: classifying is allowed before only), so it is counted then, dated
        // at the report. Counting it at the report itself would credit the reporter's first guess, which the history
        // does not keep, and the full recomputation could not agree with the incremental roll-ups.
        void TypeReported()
        {
            if (_typeReportCounted || _reportedAt is not { } reportedAt || facts.TypeKey is not { } t) return;
            _typeReportCounted = true;
            list.Add(new(reportedAt, EvaluationSubjectKind.CaseType, t, district, EvaluationMeasure.Reported));
        }
        void Person(EvaluationSubjectKind kind, int? userId, EvaluationMeasure measure, bool when = true)
        {
            if (when && userId is { } id) list.Add(new(at, kind, id.ToString(CultureInfo.InvariantCulture), district, measure));
        }
        void Actor(EvaluationSubjectKind kind, EvaluationMeasure measure, bool when = true)
        {
            if (when && actor is not null) list.Add(new(at, kind, actor, district, measure));
        }
        void Department(EvaluationMeasure measure, bool when = true)
        {
            if (when && _department is { } id) list.Add(new(at, EvaluationSubjectKind.Department, id.ToString(CultureInfo.InvariantCulture), district, measure));
        }
        // The open handling stage is decided: it counts as due at its deadline (the one in force before this step), for the
        // case's place and the department in charge, once per stage.
        void HandlingDue(bool handledOnTime)
        {
            if (!_handlingOpen || _handlingDecided) return;
            _handlingDecided = true;
            var dueAt = _dueInForce ?? at;
            void Count(EvaluationMeasure measure)
            {
                if (facts.DistrictCode is { } d) list.Add(new(dueAt, EvaluationSubjectKind.District, d, district, measure));
                if (facts.StreetCode is { } s) list.Add(new(dueAt, EvaluationSubjectKind.Street, s, district, measure));
                if (facts.CommunityCode is { } c) list.Add(new(dueAt, EvaluationSubjectKind.Community, c, district, measure));
                if (facts.GridCode is { } g) list.Add(new(dueAt, EvaluationSubjectKind.Grid, g, district, measure));
                if (_department is { } id) list.Add(new(dueAt, EvaluationSubjectKind.Department, id.ToString(CultureInfo.InvariantCulture), district, measure));
            }
            Count(EvaluationMeasure.Due);
            if (handledOnTime) Count(EvaluationMeasure.DueOnTime);
            if (_deferred) Count(EvaluationMeasure.DueDeferred);
            if (_deferred && handledOnTime) Count(EvaluationMeasure.DueDeferredOnTime);
        }

        var isPublic = CaseChannels.IsPublic(facts.Channel);
        switch (entry.Action)
        {
            case "report":
                _reportedAt = at;
                Regions(EvaluationMeasure.Reported);
                Breakdown(EvaluationMeasure.Reported, byType: false);
                if (isPublic) Regions(EvaluationMeasure.PublicReported);
                if (facts.Channel == CaseChannel.Inspector && Is(role, "Inspector")) Actor(EvaluationSubjectKind.Inspector, EvaluationMeasure.Reported);
                break;
            case "request_verification":
                if (Is(role, "IntakeOperator"))
                {
                    Actor(EvaluationSubjectKind.IntakeOperator, EvaluationMeasure.IntakeHandled);
                    Actor(EvaluationSubjectKind.IntakeOperator, EvaluationMeasure.VerificationRequests);
                    Actor(EvaluationSubjectKind.IntakeOperator, EvaluationMeasure.VerificationRequestsOnTime, onTime);
                }
                break;
            case "verify":
                Actor(EvaluationSubjectKind.Inspector, EvaluationMeasure.Verifications);
                Actor(EvaluationSubjectKind.Inspector, EvaluationMeasure.VerificationsOnTime, onTime);
                break;
            case "register":
                TypeReported();
                Regions(EvaluationMeasure.Registered);
                Breakdown(EvaluationMeasure.Registered, byType: true);
                if (isPublic) Regions(EvaluationMeasure.PublicRegistered);
                if (facts.Channel == CaseChannel.Inspector) Person(EvaluationSubjectKind.Inspector, facts.ReporterUserId, EvaluationMeasure.ValidReports);
                if (Is(role, "ShiftLead"))
                {
                    Actor(EvaluationSubjectKind.ShiftLead, EvaluationMeasure.Registered);
                    Actor(EvaluationSubjectKind.ShiftLead, EvaluationMeasure.RegisteredOnTime, onTime);
                    _registrarShiftLead = entry.ActorUserId;
                }
                else
                {
                    Actor(EvaluationSubjectKind.IntakeOperator, EvaluationMeasure.IntakeHandled, Is(role, "IntakeOperator"));
                    _registrarShiftLead = null;
                }
                break;
            case "reject":
                TypeReported();
                Actor(EvaluationSubjectKind.IntakeOperator, EvaluationMeasure.IntakeHandled, Is(role, "IntakeOperator"));
                break;
            case "void":
                _handlingOpen = false;
                TypeReported();
                Regions(EvaluationMeasure.Voided);
                Person(EvaluationSubjectKind.ShiftLead, _registrarShiftLead, EvaluationMeasure.Voided);
                break;
            case "dispatch":
                _department = DataInt(entry.Data, "department");
                _lastDispatcher = entry.ActorUserId;
                (_handlingOpen, _handlingDecided) = (true, false);
                Actor(EvaluationSubjectKind.Dispatcher, EvaluationMeasure.Dispatches);
                Actor(EvaluationSubjectKind.Dispatcher, EvaluationMeasure.DispatchesOnTime, onTime);
                Department(EvaluationMeasure.Received);
                break;
            case "approve_request":
                var approved = DataText(entry.Data, "approved");
                if (approved == "Return")
                {
                    Person(EvaluationSubjectKind.Dispatcher, _lastDispatcher, EvaluationMeasure.DispatchesReturned);
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
                Department(EvaluationMeasure.Feedbacks);
                Department(EvaluationMeasure.FeedbacksOnTime, _lastHandlingOnTime);
                HandlingDue(_lastHandlingOnTime);
                _handlingOpen = false;
                break;
            case "overdue":
                if (DataText(entry.Data, "stage") == nameof(CaseStage.Handling)) HandlingDue(handledOnTime: false);
                break;
            case "request_check":
                if (Is(role, "IntakeOperator"))
                {
                    Actor(EvaluationSubjectKind.IntakeOperator, EvaluationMeasure.CheckRequests);
                    Actor(EvaluationSubjectKind.IntakeOperator, EvaluationMeasure.CheckRequestsOnTime, onTime);
                }
                break;
            case "check":
                Actor(EvaluationSubjectKind.Inspector, EvaluationMeasure.Checks);
                Actor(EvaluationSubjectKind.Inspector, EvaluationMeasure.ChecksOnTime, onTime);
                break;
            case "rework":
                Department(EvaluationMeasure.Reworks);
                (_handlingOpen, _handlingDecided) = (true, false);
                break;
            case "close":
                Regions(EvaluationMeasure.Closed);
                if (_lastHandlingOnTime) Regions(EvaluationMeasure.ClosedOnTime);
                Breakdown(EvaluationMeasure.Closed, byType: true);
                if (_lastHandlingOnTime) Breakdown(EvaluationMeasure.ClosedOnTime, byType: true);
                if (_deferred) Regions(EvaluationMeasure.ClosedDeferred);
                if (_deferred && _lastHandlingOnTime) Regions(EvaluationMeasure.ClosedDeferredOnTime);
                Department(EvaluationMeasure.Closed);
                Department(EvaluationMeasure.ClosedOnTime, _lastHandlingOnTime);
                Department(EvaluationMeasure.ClosedDeferred, _deferred);
                Department(EvaluationMeasure.ClosedDeferredOnTime, _deferred && _lastHandlingOnTime);
                Actor(EvaluationSubjectKind.ShiftLead, EvaluationMeasure.Closed);
                Actor(EvaluationSubjectKind.ShiftLead, EvaluationMeasure.ClosedOnTime, onTime);
                break;
            case "reopen":
                _department = null;
                _handlingOpen = false;
                break;
        }
        // The overdue mark records the same deadline again; a step without a clock (final, suspended) clears it.
        _dueInForce = Due(entry.Deadline);
        return list;
    }

    private static bool Is(string role, string name) =>
        role.Split(',', StringSplitOptions.TrimEntries).Contains(name, StringComparer.Ordinal);

    /// <summary>Actions that move no counter (link_duplicate, classify, accept …): observers skip them.</summary>
    public static bool Counts(string action) => action is "report" or "request_verification" or "verify" or "register" or "reject"
        or "void" or "dispatch" or "approve_request" or "feedback" or "request_check" or "check" or "rework" or "close" or "overdue";

    /// <summary>The history actions that can move <paramref name="measure"/> (for the drill-down to the cases behind a figure).</summary>
    public static IReadOnlyList<string> ActionsOf(EvaluationMeasure measure) => measure switch
    {
        EvaluationMeasure.Reported or EvaluationMeasure.PublicReported => ["report"],
        EvaluationMeasure.Registered or EvaluationMeasure.PublicRegistered or EvaluationMeasure.RegisteredOnTime or EvaluationMeasure.ValidReports => ["register"],
        EvaluationMeasure.Voided => ["void"],
        EvaluationMeasure.Closed or EvaluationMeasure.ClosedOnTime or EvaluationMeasure.ClosedDeferred or EvaluationMeasure.ClosedDeferredOnTime => ["close"],
        EvaluationMeasure.Verifications or EvaluationMeasure.VerificationsOnTime => ["verify"],
        EvaluationMeasure.Checks or EvaluationMeasure.ChecksOnTime => ["check"],
        EvaluationMeasure.IntakeHandled => ["request_verification", "register", "reject"],
        EvaluationMeasure.VerificationRequests or EvaluationMeasure.VerificationRequestsOnTime => ["request_verification"],
        EvaluationMeasure.CheckRequests or EvaluationMeasure.CheckRequestsOnTime => ["request_check"],
        EvaluationMeasure.Dispatches or EvaluationMeasure.DispatchesOnTime or EvaluationMeasure.Received => ["dispatch"],
        EvaluationMeasure.DispatchesReturned => ["approve_request"],
        EvaluationMeasure.Feedbacks or EvaluationMeasure.FeedbacksOnTime => ["feedback"],
        EvaluationMeasure.Reworks => ["rework"],
        EvaluationMeasure.Due or EvaluationMeasure.DueOnTime or EvaluationMeasure.DueDeferred or EvaluationMeasure.DueDeferredOnTime => ["feedback", "overdue"],
        _ => [],
    };

    /// <summary>Measures dated at a deadline rather than at the step that moves them (<see cref="EvaluationMeasure.Due"/> …):
    /// the step may come before the period (fed back early) or after it (late).</summary>
    public static bool DatedAtDeadline(EvaluationMeasure measure) =>
        measure is EvaluationMeasure.Due or EvaluationMeasure.DueOnTime or EvaluationMeasure.DueDeferred or EvaluationMeasure.DueDeferredOnTime;

    /// <summary>The "due=…" part of a history entry's deadline text.</summary>
    public static DateTimeOffset? Due(string? deadline)
    {
        if (deadline is null || !deadline.StartsWith("due=", StringComparison.Ordinal)) return null;
        var end = deadline.IndexOf(';', StringComparison.Ordinal);
        var text = end < 0 ? deadline[4..] : deadline[4..end];
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var due) ? due : null;
    }

    private static string? DataText(string? data, string key)
    {
        if (data is null) return null;
        foreach (var part in data.Split(';'))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part.AsSpan(0, eq).SequenceEqual(key)) return part[(eq + 1)..];
        }
        return null;
    }

    private static int? DataInt(string? data, string key) =>
        int.TryParse(DataText(data, key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
