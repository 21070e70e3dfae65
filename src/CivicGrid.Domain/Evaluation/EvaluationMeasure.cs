namespace CivicGrid.Domain.Evaluation;

/// <summary>The counters the indicators are computed from. Each case step adds 1 to some of them for some subjects
/// (see <see cref="CaseTrail"/>); a period's figures are the sums over its days. Keeping counts (not rates) makes the
/// roll-ups additive: any period is a sum of buckets.</summary>
public enum EvaluationMeasure
{
    /// <summary>Regions: reports received; inspector: reports the inspector made.</summary>
    Reported,
    /// <summary>Regions: reports from the public (citizen, Open311, hotline).</summary>
    PublicReported,
    /// <summary>Regions: cases registered; shift lead: registrations the shift lead made.</summary>
    Registered,
    /// <summary>Regions: registered cases first reported by the public (for the inspector's missed-report rate).</summary>
    PublicRegistered,
    /// <summary>Shift lead: registrations within the stage limit.</summary>
    RegisteredOnTime,
    /// <summary>Regions: cases voided; shift lead: cases the shift lead registered that were later voided.</summary>
    Voided,
    /// <summary>Regions, department: cases closed; shift lead: closings made.</summary>
    Closed,
    /// <summary>Regions, department: closed cases whose last handling was on time; shift lead: closings within the limit.</summary>
    ClosedOnTime,
    /// <summary>Regions, department: closed cases that had an approved extension (延期, "deferred").</summary>
    ClosedDeferred,
    /// <summary>Regions, department: deferred closed cases whose last handling was on time (within the extended limit).</summary>
    ClosedDeferredOnTime,
    /// <summary>Inspector: own reports that were registered (valid reports).</summary>
    ValidReports,
    /// <summary>Inspector: on-site verifications (核实).</summary>
    Verifications,
    VerificationsOnTime,
    /// <summary>Inspector: on-site checks (核查).</summary>
    Checks,
    ChecksOnTime,
    /// <summary>Intake operator: cases processed (sent to verification, registered or rejected).</summary>
    IntakeHandled,
    /// <summary>Intake operator: verification tasks sent to inspectors.</summary>
    VerificationRequests,
    VerificationRequestsOnTime,
    /// <summary>Dispatcher: dispatches made.</summary>
    Dispatches,
    DispatchesOnTime,
    /// <summary>Dispatcher: own dispatches returned as the wrong department (回退 approved).</summary>
    DispatchesReturned,
    /// <summary>Department: cases dispatched to it.</summary>
    Received,
    /// <summary>Department: handling feedbacks, and those within the handling limit.</summary>
    Feedbacks,
    FeedbacksOnTime,
    /// <summary>Department: rework orders (返工).</summary>
    Reworks,
    /// <summary>Regions, department: handling stages (a dispatch, or a rework order) due in the bucket — counted at the stage's
    /// deadline once it is decided: fed back, or marked overdue while still open (closed or not).</summary>
    Due,
    /// <summary>Regions, department: due handling stages fed back by their deadline.</summary>
    DueOnTime,
    /// <summary>Regions, department: due handling stages of cases with an approved extension (延期).</summary>
    DueDeferred,
    /// <summary>Regions, department: due handling stages of deferred cases fed back by their (extended) deadline.</summary>
    DueDeferredOnTime,
    /// <summary>Intake operator: check tasks sent to inspectors after the department's feedback (发送核查).</summary>
    CheckRequests,
    /// <summary>Intake operator: check tasks sent within the check-dispatch limit.</summary>
    CheckRequestsOnTime,
}
