using CivicGrid.Domain.Notifications;

namespace CivicGrid.Domain.PublicService;

/// <summary>Someone who follows a case from its public page (关注): they get the same messages as the reporter
/// (registered, dispatched, closed …) by SMS or e-mail. Staff-only data, like the reporter's contact.</summary>
public sealed class CaseFollower
{
    /// <summary>A case has at most this many followers.</summary>
    public const int MaxPerCase = 20;

    public long Id { get; set; }
    public long CaseId { get; set; }
    public NotificationChannel Channel { get; set; }
    /// <summary>A phone number (SMS) or an e-mail address.</summary>
    public required string Recipient { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
