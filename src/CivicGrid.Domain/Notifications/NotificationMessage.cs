namespace CivicGrid.Domain.Notifications;

/// <summary>One message to a reporter waiting in the outbox (table NotificationOutbox). It is written in the same
/// transaction as the case step it reports, then claimed and sent by a background sender: at least once, never lost.
/// A claim is a lease (<see cref="ClaimedBy"/> until <see cref="ClaimedUntil"/>); an expired lease may be taken over.</summary>
public sealed class NotificationMessage
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    /// <summary>A phone number (SMS) or an e-mail address: staff-only data, like the case's contact.</summary>
    public required string Recipient { get; set; }
    public NotificationChannel Channel { get; set; }
    /// <summary>The text to send (zh-CN), with the case number and the new public status.</summary>
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }
    /// <summary>Not sent before this instant (back-off after a failure).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>The sender instance that holds the lease, if any.</summary>
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    /// <summary>Why the last attempt failed.</summary>
    public string? LastError { get; set; }
}

/// <summary>How a message reaches the reporter.</summary>
public enum NotificationChannel { Sms, Email }
