using System.Text;
using System.Text.Json;
using CivicGrid.Domain.Notifications;
using CivicGrid.Server.Platform.Runtime;

namespace CivicGrid.Server.Features.Notifications;

/// <summary>The default sender: appends each message as one JSON line to &lt;DataDirectory&gt;/notifications.log, for
/// installations without an SMS or mail gateway yet (and for checking what would be sent).</summary>
public sealed class LogFileNotificationSender(DataDirectory dataDirectory, TimeProvider time) : INotificationBatchSender, IDisposable
{
    private readonly SemaphoreSlim _writing = new(1, 1);

    public string FilePath { get; } = Path.Combine(dataDirectory.Path, "notifications.log");

    public Task SendAsync(NotificationMessage message, CancellationToken cancellationToken) =>
        SendAllAsync([message], cancellationToken);

    /// <summary>Appends the messages' lines with one open, write and close of the file (the file is shared by every
    /// instance and process, so it is not kept open).</summary>
    public async Task SendAllAsync(IReadOnlyList<NotificationMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0) return;
        var lines = new StringBuilder();
        foreach (var message in messages)
        {
            lines.Append(JsonSerializer.Serialize(new
            {
                id = message.Id, caseId = message.CaseId, channel = message.Channel.ToString().ToLowerInvariant(),
                recipient = message.Recipient, text = message.Text, sentAt = time.GetUtcNow(),
            })).Append('\n');
        }
        await _writing.WaitAsync(cancellationToken);
        try
        {
            await File.AppendAllTextAsync(FilePath, lines.ToString(), cancellationToken);
        }
        finally
        {
            _writing.Release();
        }
    }

    public void Dispose() => _writing.Dispose();
}
