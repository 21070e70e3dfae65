using CivicGrid.Server.Platform.Runtime;

namespace CivicGrid.Server.Platform.LiveUpdates;

/// <summary>A <see cref="ShortLivedCache{TKey,TValue}"/> that every instance drops at once when one of them commits a
/// change to what it holds: <see cref="Changed"/> clears it here and tells the others on <see cref="Channel"/>
/// (through <see cref="PostgresCaseEventRelay"/>); a change made outside the server (a CLI verb, SQL) takes effect
/// within the lifetime. Register the subclass as a singleton and as <see cref="IClusterSignal"/>.</summary>
public abstract class ClusterCache<TKey, TValue>(TimeSpan lifetime, string channel)
    : ShortLivedCache<TKey, TValue>(lifetime), IClusterSignal where TKey : notnull
{
    public string Channel => channel;

    public event Action? ChangedHere;

    /// <summary>Call after committing a change to what the cache holds.</summary>
    public void Changed()
    {
        Clear();
        ChangedHere?.Invoke();
    }

    void IClusterSignal.OnChangedElsewhere() => Clear();
}
