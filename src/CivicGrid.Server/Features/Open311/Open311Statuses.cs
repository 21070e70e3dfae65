using CivicGrid.Domain.Cases;

namespace CivicGrid.Server.Features.Open311;

/// <summary>How our workflow (<see cref="CaseStatus"/>) shows through Open311 (ADR 0009): the spec's open/closed,
/// the detailed status (our state in snake_case) and mySociety's extended states for service request updates.</summary>
public static class Open311Statuses
{
    /// <summary>closed = a final state (closed, rejected, voided); everything else is still open.</summary>
    public static string OpenOrClosed(CaseStatus status) => IsClosed(status) ? "closed" : "open";

    public static bool IsClosed(CaseStatus status) => status is CaseStatus.Closed or CaseStatus.Rejected or CaseStatus.Voided;

    public static readonly CaseStatus[] Closed = [CaseStatus.Closed, CaseStatus.Rejected, CaseStatus.Voided];

    /// <summary>Our state itself, e.g. awaiting_close.</summary>
    public static string Detailed(CaseStatus status) =>
        string.Concat(status.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>mySociety's states (FixMyStreet): what a citizen-facing client shows.</summary>
    public static string MySocietyState(CaseStatus status) => status switch
    {
        CaseStatus.Reported => "OPEN",
        CaseStatus.Verifying or CaseStatus.Verified => "INVESTIGATING",
        CaseStatus.Registered or CaseStatus.Dispatched => "ACTION_SCHEDULED",
        CaseStatus.Handling or CaseStatus.Suspended or CaseStatus.FedBack or CaseStatus.Checking or CaseStatus.CheckFailed or CaseStatus.AwaitingClose => "IN_PROGRESS",
        CaseStatus.Closed => "FIXED",
        CaseStatus.Rejected => "NO_FURTHER_ACTION",
        _ => "CLOSED",
    };

    /// <summary>status_notes: a fixed, public text per state (staff notes are never shown: they may name people).</summary>
    public static string Notes(CaseStatus status, bool english) => status switch
    {
        CaseStatus.Reported => english ? "Received; waiting for the intake operator." : "已受理，等待受理员处理。",
        CaseStatus.Verifying => english ? "An inspector is verifying the report on site." : "监督员正在现场核实。",
        CaseStatus.Verified => english ? "Verified on site; waiting for registration." : "已现场核实，等待立案。",
        CaseStatus.Registered => english ? "Registered as a case; waiting for dispatch." : "已立案，等待派遣。",
        CaseStatus.Dispatched => english ? "Sent to the responsible department." : "已派遣至处置部门。",
        CaseStatus.Handling => english ? "The department is handling it." : "处置部门正在处置。",
        CaseStatus.Suspended => english ? "Handling is suspended for now." : "暂缓处置（挂账）。",
        CaseStatus.FedBack => english ? "Work reported done; an on-site check is being arranged." : "处置部门已反馈，正在安排现场核查。",
        CaseStatus.Checking => english ? "Work reported done; an inspector checks on site." : "处置完成，监督员正在现场核查。",
        CaseStatus.CheckFailed => english ? "The on-site check failed; the work will be redone." : "核查未通过，将返工处置。",
        CaseStatus.AwaitingClose => english ? "The on-site check passed; about to be closed." : "核查通过，等待结案。",
        CaseStatus.Closed => english ? "Fixed and closed after an on-site check." : "已处置并经现场核查，已结案。",
        CaseStatus.Rejected => english ? "Not accepted as a city management case." : "不予立案。",
        _ => english ? "Withdrawn." : "已作废。",
    };

    /// <summary>The public text of one history step, or null for steps the public does not see (requests between
    /// staff, supervision, overdue alerts). Only action and resulting state are used, never the staff note.</summary>
    public static string? PublicNote(string action, CaseStatus? from, CaseStatus to, bool english) => action switch
    {
        "report" => english ? "Report received." : "已受理上报。",
        "link_duplicate" => english ? "Another report of the same problem was linked to this one." : "同一问题的新上报已并入本案。",
        "request_verification" => english ? "An inspector was asked to verify on site." : "已派监督员现场核实。",
        "verify" => english ? "Verified on site." : "已现场核实。",
        "classify" => english ? "Problem type confirmed." : "已确认问题类别。",
        "register" => english ? "Registered as a case." : "已立案。",
        "reject" => english ? "Not accepted as a city management case." : "不予立案。",
        "void" => english ? "Withdrawn." : "已作废。",
        "dispatch" => english ? "Sent to the responsible department." : "已派遣至处置部门。",
        "accept" => english ? "The department took the case on." : "处置部门已接收。",
        "feedback" => english ? "The department reported the work done." : "处置部门已反馈处置结果。",
        "request_check" => english ? "An inspector was asked to check the work on site." : "已派监督员现场核查。",
        "check" when to == CaseStatus.CheckFailed => english ? "Checked on site: not yet fixed." : "现场核查未通过。",
        "check" => english ? "Checked on site: fixed." : "现场核查通过。",
        "rework" => english ? "Sent back to the department for rework." : "已要求处置部门返工。",
        "approve_request" when to == CaseStatus.Suspended => english ? "Handling suspended for now." : "暂缓处置（挂账）。",
        "approve_request" when to == CaseStatus.Registered => english ? "Returned for dispatch to another department." : "已退回，重新派遣。",
        "approve_request" when from == to => english ? "Handling time extended." : "处置期限已延长。",
        "resume" => english ? "Handling resumed." : "恢复处置。",
        "close" => english ? "Closed." : "已结案。",
        "reopen" => english ? "Reopened." : "已重新打开。",
        _ => null,
    };

    /// <summary>The history actions <see cref="PublicNote"/> may show (to filter in the database).</summary>
    public static readonly string[] PublicActions =
    [
        "report", "link_duplicate", "request_verification", "verify", "classify", "register", "reject", "void", "dispatch",
        "accept", "feedback", "request_check", "check", "rework", "approve_request", "resume", "close", "reopen",
    ];

    public static bool English(HttpRequest request) =>
        request.Headers.AcceptLanguage.ToString().TrimStart().StartsWith("en", StringComparison.OrdinalIgnoreCase);
}
