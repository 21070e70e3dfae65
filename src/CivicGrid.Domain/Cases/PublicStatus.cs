namespace CivicGrid.Domain.Cases;

/// <summary>The stage a citizen sees: fewer, plainer steps than the workflow's fourteen states. Staff-internal detail
/// (verification, a check not yet sent, checks failed, suspensions) folds into the nearest stage a citizen understands.</summary>
public enum PublicStatus
{
    /// <summary>已受理: received, being verified or about to be registered.</summary>
    Received,
    /// <summary>已立案: registered, waiting for dispatch.</summary>
    Registered,
    /// <summary>处理中: with the responsible department.</summary>
    InProgress,
    /// <summary>核查中: the department reported back; an inspector checks the result.</summary>
    Checking,
    /// <summary>已办结.</summary>
    Closed,
    /// <summary>不予立案: not a case for city management.</summary>
    Rejected,
    /// <summary>已撤销 (作废).</summary>
    Voided,
}

public static class PublicStatuses
{
    public static PublicStatus Of(CaseStatus status) => status switch
    {
        CaseStatus.Reported or CaseStatus.Verifying or CaseStatus.Verified => PublicStatus.Received,
        CaseStatus.Registered => PublicStatus.Registered,
        CaseStatus.Dispatched or CaseStatus.Handling or CaseStatus.Suspended or CaseStatus.FedBack or CaseStatus.CheckFailed => PublicStatus.InProgress,
        CaseStatus.Checking or CaseStatus.AwaitingClose => PublicStatus.Checking,
        CaseStatus.Closed => PublicStatus.Closed,
        CaseStatus.Rejected => PublicStatus.Rejected,
        _ => PublicStatus.Voided,
    };

    /// <summary>snake_case code for the API: received, registered, in_progress, checking, closed, rejected, voided.</summary>
    public static string Code(this PublicStatus status) => status switch
    {
        PublicStatus.InProgress => "in_progress",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>The zh-CN label (the UI may translate the code instead).</summary>
    public static string Label(this PublicStatus status) => status switch
    {
        PublicStatus.Received => "已受理",
        PublicStatus.Registered => "已立案",
        PublicStatus.InProgress => "处理中",
        PublicStatus.Checking => "核查中",
        PublicStatus.Closed => "已办结",
        PublicStatus.Rejected => "不予立案",
        _ => "已撤销",
    };
}
