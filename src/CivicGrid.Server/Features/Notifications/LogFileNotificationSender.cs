using System.Text.Json;
using CivicGrid.Domain.Notifications;
using CivicGrid.Server.Hosting;

namespace CivicGrid.Server.Features.Notifications;

/// <summary>The default sender: appends each message as one JSON line to &lt;DataDirectory&gt;/notifications.log, for
/// installations without an SMS or mail gateway yet (and for checking what would be sent).</summary>
public sealed class LogFileNotificationSender(DataDirectory dataDirectory, TimeProvider time) : INotificationSender, IDisposable
{
    private readonly SemaphoreSlim _writing = new(1, 1);

    public string FilePath { get; } = Path.Combine(dataDirectory.Path, "notifications.log");

    public async Task SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        var line = JsonSerializer.Serialize(new
        {
            id = message.Id, caseId = message.CaseId, channel = message.Channel.ToString().ToLowerInvariant(),
            recipient = message.Recipient, text = message.Text, sentAt = time.GetUtcNow(),
        }) + "\n";
        await _writing.WaitAsync(cancellationToken);
        try
        {
            await File.AppendAllTextAsync(FilePath, line, cancellationToken);
        }
        finally
        {
            _writing.Release();
        }
    }

    public void Dispose() => _writing.Dispose();
}
