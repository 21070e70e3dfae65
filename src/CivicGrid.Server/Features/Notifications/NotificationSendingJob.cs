using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Features.Notifications;

/// <summary>Runs the <see cref="NotificationOutboxSender"/> in the background: drains the outbox, then rests
/// Notifications:Interval (on the <see cref="TimeProvider"/>). Off with Notifications:SendInBackground=false.</summary>
public sealed partial class NotificationSendingJob(NotificationOutboxSender sender, TimeProvider time, IOptions<NotificationOptions> options,
    ILogger<NotificationSendingJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SendInBackground) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                NotificationOutboxSender.Run run;
                do run = await sender.RunOnceAsync(stoppingToken);
                while (run.Claimed == options.Value.BatchSize && run.Failed < run.Claimed);
                await Task.Delay(options.Value.Interval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogFailed(logger, exception);
                try { await Task.Delay(options.Value.Interval, time, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The notification sender failed; it tries again after its interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
