namespace CivicGrid.Server.Features.PublicService;

/// <summary>Hourly: deletes photos citizens uploaded but never sent a report with (see
/// <see cref="PublicPhotos.PurgeUnattachedAsync"/>). Runs in the server only.</summary>
public sealed partial class UnattachedPhotoCleanup(IServiceScopeFactory scopes, TimeProvider time, ILogger<UnattachedPhotoCleanup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromHours(1), time, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PublicPhotos>().PurgeUnattachedAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clean-up of unattached public photos failed; trying again in an hour")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
