using CivicGrid.Domain.Notifications;

namespace CivicGrid.Server.Features.Notifications;

/// <summary>Delivers one message (an SMS gateway, a mail server …). Throw to report a failure: the outbox keeps the
/// message and tries again later. A message may be delivered more than once (at-least-once), so a gateway that can
/// should de-duplicate on <see cref="NotificationMessage.Id"/>.</summary>
public interface INotificationSender
{
    Task SendAsync(NotificationMessage message, CancellationToken cancellationToken);
}

/// <summary>A sender that delivers a run's messages at once (one file append, one gateway call) instead of one call
/// each. All or nothing: when it throws, every message of the batch is kept and tried again later.</summary>
public interface INotificationBatchSender : INotificationSender
{
    Task SendAllAsync(IReadOnlyList<NotificationMessage> messages, CancellationToken cancellationToken);
}
