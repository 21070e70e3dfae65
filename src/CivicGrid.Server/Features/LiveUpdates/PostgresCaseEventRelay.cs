using System.Text.Json;
using System.Threading.Channels;
using CivicGrid.Server.Features.Catalogue;
using CivicGrid.Server.Features.Geography;
using CivicGrid.Server.Features.Jobs;
using Npgsql;

namespace CivicGrid.Server.Features.LiveUpdates;

/// <summary>Fans live updates out across instances on PostgreSQL. Every step this instance publishes is sent with
/// NOTIFY (with this instance's id); a dedicated connection LISTENs and hands other instances' steps to the local
/// <see cref="CaseEventHub"/> through <see cref="CaseEventHub.Deliver"/>. The same connection carries "grids
/// changed" so that every instance reloads its <see cref="GridLocator"/> after an import, and "reference data changed"
/// so that every instance's <see cref="ReferenceDataChanges.Changed"/> fires after an administrator's change. Live updates are a
/// best-effort view: a step sent while the listener reconnects is not replayed (views reload what they show), but
/// the grid index and reference data are dropped on every reconnect so that no change is missed.</summary>
public sealed partial class PostgresCaseEventRelay(
    ClusterSignals signals, CaseEventHub hub, GridLocator locator, ReferenceDataChanges referenceData, InstanceIdentity instance, ILogger<PostgresCaseEventRelay> logger)
    : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Channel<string> _outgoing = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>True while the LISTEN connection is up (for the readiness report and tests).</summary>
    public bool IsListening { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!signals.IsShared) return;
        hub.Published += Forward;
        locator.Invalidated += ForwardGridsChanged;
        referenceData.ChangedHere += ForwardReferenceDataChanged;
        try
        {
            await Task.WhenAll(SendLoopAsync(stoppingToken), ListenLoopAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            hub.Published -= Forward;
            locator.Invalidated -= ForwardGridsChanged;
            referenceData.ChangedHere -= ForwardReferenceDataChanged;
        }
    }

    private void Forward(CaseEvent caseEvent) =>
        _outgoing.Writer.TryWrite(JsonSerializer.Serialize(new RelayEnvelope(instance.Id, caseEvent), Json));

    private void ForwardGridsChanged() => _ = SendSignalAsync(signals.GridsChangedAsync);

    private void ForwardReferenceDataChanged() => _ = SendSignalAsync(signals.ReferenceDataChangedAsync);

    private async Task SendSignalAsync(Func<string, CancellationToken, Task> send)
    {
        try
        {
            await send(instance.Id, CancellationToken.None);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            LogSendFailed(logger, exception);
        }
    }

    /// <summary>Drains the queue in batches: one round trip carries every step published meanwhile.</summary>
    private async Task SendLoopAsync(CancellationToken stoppingToken)
    {
        var batch = new List<string>();
        while (await _outgoing.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < 500 && _outgoing.Reader.TryRead(out var payload)) batch.Add(payload);
            try
            {
                await signals.SendAsync(ClusterSignals.CaseEventsChannel, batch, stoppingToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                LogSendFailed(logger, exception); // live updates are best-effort; the steps themselves are committed
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    /// <summary>Keeps one connection LISTENing; reconnects with a growing pause (up to 30 s) when it drops.</summary>
    private async Task ListenLoopAsync(CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(signals.ConnectionString)
                {
                    Pooling = false, KeepAlive = 30, ApplicationName = "civicgrid-relay",
                };
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand($"LISTEN {ClusterSignals.CaseEventsChannel}; LISTEN {ClusterSignals.GridsChannel}; LISTEN {ClusterSignals.ReferenceDataChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                locator.InvalidateFromPeer(); // an import may have happened while nobody listened
                referenceData.NotifyChangedElsewhere(); // and so may an administrator's change
                IsListening = true;
                pause = TimeSpan.FromSeconds(1);
                LogListening(logger, instance.Id);
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                IsListening = false;
                LogListenFailed(logger, pause.TotalSeconds, exception);
                await Task.Delay(pause, stoppingToken);
                pause = TimeSpan.FromSeconds(Math.Min(30, pause.TotalSeconds * 2));
            }
            finally
            {
                IsListening = false;
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs notification)
    {
        try
        {
            if (notification.Channel == ClusterSignals.GridsChannel)
            {
                if (notification.Payload != instance.Id) locator.InvalidateFromPeer();
                return;
            }
            if (notification.Channel == ClusterSignals.ReferenceDataChannel)
            {
                if (notification.Payload != instance.Id) referenceData.NotifyChangedElsewhere();
                return;
            }
            var envelope = JsonSerializer.Deserialize<RelayEnvelope>(notification.Payload, Json);
            if (envelope is null || envelope.From == instance.Id) return;
            hub.Deliver(envelope.Event);
        }
        catch (JsonException exception)
        {
            LogBadPayload(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Live updates: instance {Instance} listening for other instances' steps")]
    private static partial void LogListening(ILogger logger, string instance);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live updates: the listening connection failed; reconnecting in {Seconds} s")]
    private static partial void LogListenFailed(ILogger logger, double seconds, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live updates: could not notify the other instances")]
    private static partial void LogSendFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live updates: ignored a notification that is not a case step")]
    private static partial void LogBadPayload(ILogger logger, Exception exception);
}
