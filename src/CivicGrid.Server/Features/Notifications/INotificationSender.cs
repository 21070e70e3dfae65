using CivicGrid.Domain.Notifications;

namespace CivicGrid.Server.Features.Notifications;

/// <summary>Delivers one message (an SMS gateway, a mail server …). Throw to report a failure: the outbox keeps the
/// message and tries again later. A message may be delivered more than once (at-least-once), so a gateway that can
/// should de-duplicate on <see cref="NotificationMessage.Id"/>.</summary>
public interface INotificationSender
{
    Task SendAsync(NotificationMessage message, CancellationToken cancellationToken);
}
