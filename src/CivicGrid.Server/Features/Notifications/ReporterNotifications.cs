using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Notifications;
using CivicGrid.Server.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Features.Notifications;

/// <summary>Puts a message to the reporter (and to each follower of the case) in the outbox when their case reaches a
/// stage a citizen cares about (received, registered, dispatched, closed, voided, rejected) and they left a phone
/// number or e-mail address. The reporter's message carries the case's short link (<see cref="ReporterLinks"/>), created
/// with the report; a follower's carries the public case page instead (followers are anyone, the link is the reporter's). As a step observer it adds the rows inside the step's transaction: no step without its message, no
/// message for a step that failed.</summary>
public sealed class ReporterNotifications(TimeProvider time, IOptions<NotificationOptions> options) : ICaseStepObserver
{
    public async ValueTask OnStepAsync(CivicGridDbContext db, Case @case, CaseHistoryEntry entry, CancellationToken cancellationToken)
    {
        if (Phrase(entry.Action) is not { } phrase) return;
        var reported = entry.Action == "report"; // a new case: no followers and no link yet
        var recipients = new List<(string Recipient, NotificationChannel Channel, bool Follower)>();
        if (!string.IsNullOrWhiteSpace(@case.ReporterPhone)) recipients.Add((@case.ReporterPhone.Trim(), NotificationChannel.Sms, false));
        else if (!string.IsNullOrWhiteSpace(@case.ReporterEmail)) recipients.Add((@case.ReporterEmail.Trim(), NotificationChannel.Email, false));
        if (!reported)
        {
            var followers = await db.CaseFollowers.AsNoTracking().Where(f => f.CaseId == @case.Id).OrderBy(f => f.Id)
                .Select(f => new { f.Recipient, f.Channel }).ToListAsync(cancellationToken);
            recipients.AddRange(followers.Where(f => recipients.All(r => r.Recipient != f.Recipient)).Select(f => (f.Recipient, f.Channel, true)));
        }
        if (recipients.Count == 0) return;
        var now = time.GetUtcNow();
        // A case reported before short links existed has none: its messages go without (no write beside the step's).
        var code = reported ? ReporterLinks.Add(db, @case.Id, now) : await ReporterLinks.FindAsync(db, @case.Id, cancellationToken);
        var link = code is null ? null : ReporterLinks.UrlOf(options.Value.PublicBaseUrl, code);
        var status = PublicStatuses.Of(entry.ToStatus);
        foreach (var (recipient, channel, follower) in recipients)
        {
            db.NotificationOutbox.Add(new NotificationMessage
            {
                CaseId = @case.Id, Recipient = recipient, Channel = channel,
                Text = TextOf(@case.Number, phrase, status, follower ? ReporterLinks.CasePageUrlOf(options.Value.PublicBaseUrl, @case.Number) : link, follower),
                CreatedAt = now, NextAttemptAt = now,
            });
        }
    }

    /// <summary>The message (zh-CN) with the case number, the new public status and the case's short link.</summary>
    public static string TextOf(string caseNumber, string phrase, PublicStatus status, string? link = null, bool follower = false) =>
        $"【城市管家】您{(follower ? "关注" : "反映")}的问题（案件编号 {caseNumber}）{phrase}。当前状态：{status.Label()}。"
        + (link is null ? "" : $"查看进度：{link}");

    /// <summary>The steps worth a message, and how to say them; null for the rest (a repeated report of the same
    /// problem is not a step of the first reporter's case worth telling them about).</summary>
    private static string? Phrase(string action) => action switch
    {
        "report" => "已收到，我们将尽快核实处理",
        "register" => "已立案",
        "dispatch" => "已派遣至责任部门处理",
        "close" => "已办结，欢迎评价处理结果",
        "void" => "已撤销",
        "reject" => "经核实不予立案",
        _ => null,
    };
}
