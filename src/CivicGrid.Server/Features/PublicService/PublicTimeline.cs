using CivicGrid.Domain.Cases;

namespace CivicGrid.Server.Features.PublicService;

/// <summary>Which history steps citizens see and in which words. Only the action, the time and a fixed public text:
/// never the actor's name, role or the staff note (notes may hold personal data). Internal steps (classify,
/// requests and their denial, supervision, overdue marks) are left out.</summary>
public static class PublicTimeline
{
    public sealed record Step(string Action, DateTimeOffset At, string Status, string Text);

    public static Step? Of(CaseHistoryEntry entry)
    {
        var text = entry.Action switch
        {
            "report" => "已收到您的反映",
            "link_duplicate" => "有市民再次反映了同一问题，已合并办理",
            "request_verification" => "已安排监督员现场核实",
            "verify" => "现场核实完成",
            "register" => "已立案",
            "reject" => "经核实不属于城市管理问题，不予立案",
            "void" => "案件已撤销",
            "dispatch" => "已派遣至责任部门",
            "accept" => "责任部门已接收，正在处理",
            "feedback" => "责任部门已反馈处理结果",
            "request_check" => "已安排监督员现场核查",
            "check" => entry.ToStatus == CaseStatus.CheckFailed ? "现场核查未通过，将重新处理" : "现场核查通过",
            "rework" => "已要求责任部门重新处理",
            "approve_request" => entry.ToStatus switch
            {
                CaseStatus.Suspended => "因客观原因暂缓处理",
                CaseStatus.Registered => "正在重新派遣",
                _ => "处理期限已调整",
            },
            "resume" => "恢复处理",
            "close" => "已办结",
            "reopen" => "案件重新办理",
            _ => null,
        };
        return text is null ? null : new Step(entry.Action, entry.At, PublicStatuses.Of(entry.ToStatus).Code(), text);
    }
}
