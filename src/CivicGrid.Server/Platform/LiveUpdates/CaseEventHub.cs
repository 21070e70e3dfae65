using System.Collections.Immutable;

namespace CivicGrid.Server.Platform.LiveUpdates;

/// <summary>Fans committed case steps out to live views. Publishing happens after the commit, so a subscriber never
/// sees a step that was rolled back. In-process by default; a cross-instance transport (PostgreSQL LISTEN/NOTIFY)
/// delivers other instances' steps through <see cref="Deliver"/>.</summary>
public sealed partial class CaseEventHub(ILogger<CaseEventHub> logger)
{
    private ImmutableArray<Func<CaseEvent, ValueTask>> _subscribers = [];

    /// <summary>Raised for every step committed by this instance, before local delivery; a cross-instance transport
    /// forwards it to the other instances.</summary>
    public event Action<CaseEvent>? Published;

    public void Publish(CaseEvent caseEvent)
    {
        Published?.Invoke(caseEvent);
        Deliver(caseEvent);
    }

    /// <summary>Hands an event to this instance's subscribers (without forwarding it again).</summary>
    public void Deliver(CaseEvent caseEvent)
    {
        foreach (var subscriber in _subscribers) _ = InvokeAsync(subscriber, caseEvent);
    }

    /// <summary>Subscribes until the returned handle is disposed. The handler must not block; it runs off the
    /// publisher's thread and its failures are logged, not thrown.</summary>
    public IDisposable Subscribe(Func<CaseEvent, ValueTask> handler)
    {
        ImmutableInterlocked.Update(ref _subscribers, list => list.Add(handler));
        return new Subscription(this, handler);
    }

    private async Task InvokeAsync(Func<CaseEvent, ValueTask> subscriber, CaseEvent caseEvent)
    {
        try
        {
            await Task.Yield();
            await subscriber(caseEvent);
        }
        catch (Exception exception)
        {
            LogSubscriberFailed(logger, caseEvent.Number, exception);
        }
    }

    private sealed class Subscription(CaseEventHub hub, Func<CaseEvent, ValueTask> handler) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref hub._subscribers, list => list.Remove(handler));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live-update subscriber failed on case {CaseNumber}")]
    private static partial void LogSubscriberFailed(ILogger logger, string caseNumber, Exception exception);
}
