using System.Text.Json;
using System.Threading.Channels;
using CivicGrid.Server.Platform.Jobs;
using Npgsql;

namespace CivicGrid.Server.Platform.LiveUpdates;

/// <summary>Fans live updates out across instances on PostgreSQL. Every step this instance publishes is sent with
/// NOTIFY (with this instance's id); a dedicated connection LISTENs and hands other instances' steps to the local
/// <see cref="CaseEventHub"/> through <see cref="CaseEventHub.Deliver"/>. The same connection carries the
/// <see cref="IClusterSignal"/>s features register ("grids changed" after an import, "reference data changed" after an
/// administrator's change) so that every instance drops that state. Live updates are a
/// best-effort view: a step sent while the listener reconnects is not replayed (views reload what they show), but
/// the grid index and reference data are dropped on every reconnect so that no change is missed.</summary>
public sealed partial class PostgresCaseEventRelay(
    ClusterSignals signals, CaseEventHub hub, IEnumerable<IClusterSignal> stateSignals, InstanceIdentity instance, ILogger<PostgresCaseEventRelay> logger)
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
        var forwarders = stateSignals.Select(signal => (Signal: signal, Forward: (Action)(() => _ = SendSignalAsync(signal.Channel)))).ToList();
        foreach (var (signal, forward) in forwarders) signal.ChangedHere += forward;
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
            foreach (var (signal, forward) in forwarders) signal.ChangedHere -= forward;
        }
    }

    private void Forward(CaseEvent caseEvent) =>
        _outgoing.Writer.TryWrite(JsonSerializer.Serialize(new RelayEnvelope(instance.Id, caseEvent), Json));

    private async Task SendSignalAsync(string channel)
    {
        try
        {
            await signals.SendAsync(channel, [instance.Id], CancellationToken.None);
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
                await using (var listen = new NpgsqlCommand(string.Concat(new[] { ClusterSignals.CaseEventsChannel }.Concat(stateSignals.Select(s => s.Channel)).Distinct().Select(c => $"LISTEN {c}; ")), connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                foreach (var signal in stateSignals) signal.OnChangedElsewhere(); // a change may have happened while nobody listened
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
            if (notification.Channel != ClusterSignals.CaseEventsChannel)
            {
                if (notification.Payload == instance.Id) return;
                foreach (var signal in stateSignals.Where(s => s.Channel == notification.Channel)) signal.OnChangedElsewhere();
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
