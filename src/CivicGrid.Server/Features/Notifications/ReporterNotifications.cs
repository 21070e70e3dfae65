using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Notifications;
using CivicGrid.Server.Features.Cases;

namespace CivicGrid.Server.Features.Notifications;

/// <summary>Puts a message to the reporter in the outbox when their case reaches a stage a citizen cares about
/// (received, registered, dispatched, closed, voided, rejected) and they left a phone number or e-mail address.
/// As a step observer it adds the row inside the step's transaction: no step without its message, no message
/// for a step that failed.</summary>
public sealed class ReporterNotifications(TimeProvider time) : ICaseStepObserver
{
    public ValueTask OnStepAsync(CivicGridDbContext db, Case @case, CaseHistoryEntry entry, CancellationToken cancellationToken)
    {
        if (Phrase(entry.Action) is not { } phrase) return ValueTask.CompletedTask;
        var (recipient, channel) = !string.IsNullOrWhiteSpace(@case.ReporterPhone) ? (@case.ReporterPhone, NotificationChannel.Sms)
            : !string.IsNullOrWhiteSpace(@case.ReporterEmail) ? (@case.ReporterEmail, NotificationChannel.Email)
            : (null, NotificationChannel.Sms);
        if (recipient is null) return ValueTask.CompletedTask;
        var now = time.GetUtcNow();
        db.NotificationOutbox.Add(new NotificationMessage
        {
            CaseId = @case.Id, Recipient = recipient.Trim(), Channel = channel, Text = TextOf(@case.Number, phrase, PublicStatuses.Of(entry.ToStatus)),
            CreatedAt = now, NextAttemptAt = now,
        });
        return ValueTask.CompletedTask;
    }

    /// <summary>The message (zh-CN) with the case number and the new public status.</summary>
    public static string TextOf(string caseNumber, string phrase, PublicStatus status) =>
        $"【城市管家】您反映的问题（案件编号 {caseNumber}）{phrase}。当前状态：{status.Label()}。";

    /// <summary>The steps worth a message, and how to say them; null for the rest (a repeated report of the same
    /// problem is not a step of the first reporter's case worth telling them about).</summary>
    private static string? Phrase(string action) => action switch
    {
        "report" => "已收到，我们将尽快核实处理",
        "register" => "已立案",
        "dispatch" => "已派遣至责任部门处理",
        "close" => "已办结，欢迎通过跟踪链接评价处理结果",
        "void" => "已撤销",
        "reject" => "经核实不予立案",
        _ => null,
    };
}
