namespace CivicGrid.Domain.Cases;

/// <summary>Every step a person can take on a case. The API names them in snake_case (see <see cref="CaseActions"/>).</summary>
public enum CaseAction
{
    /// <summary>受理: classify a report (set or correct its type).</summary>
    Classify,
    /// <summary>发送核实: ask an inspector to verify on site.</summary>
    RequestVerification,
    /// <summary>核实: the inspector's answer.</summary>
    Verify,
    /// <summary>立案</summary>
    Register,
    /// <summary>不予立案</summary>
    Reject,
    /// <summary>作废</summary>
    Void,
    /// <summary>派遣</summary>
    Dispatch,
    /// <summary>签收: the department accepts the dispatched case.</summary>
    Accept,
    /// <summary>处理反馈</summary>
    Feedback,
    /// <summary>回退申请 (wrong department)</summary>
    RequestReturn,
    /// <summary>延期申请</summary>
    RequestExtension,
    /// <summary>挂账申请</summary>
    RequestSuspension,
    /// <summary>批准申请 (return, extension, suspension)</summary>
    ApproveRequest,
    /// <summary>驳回申请</summary>
    DenyRequest,
    /// <summary>恢复 (end a suspension)</summary>
    Resume,
    /// <summary>发送核查: send the on-site check to an inspector after the department's feedback.</summary>
    RequestCheck,
    /// <summary>核查</summary>
    Check,
    /// <summary>返工</summary>
    Rework,
    /// <summary>结案</summary>
    Close,
    /// <summary>重新办理</summary>
    Reopen,
    /// <summary>督办</summary>
    Supervise,
}

public static class CaseActions
{
    private static readonly Dictionary<string, CaseAction> ByCode =
        Enum.GetValues<CaseAction>().ToDictionary(ToCode, a => a, StringComparer.OrdinalIgnoreCase);

    /// <summary>snake_case name used by the API, e.g. request_verification.</summary>
    public static string ToCode(this CaseAction action) =>
        string.Concat(action.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static bool TryParse(string? code, out CaseAction action) => ByCode.TryGetValue(code ?? "", out action);
}
