using CivicGrid.Server.Platform.LiveUpdates;

namespace CivicGrid.Server.Features.Catalogue;

/// <summary>The one place that says "catalogue types, case standards or departments changed". Whoever keeps such
/// reference data in memory subscribes to <see cref="Changed"/> and drops its copy; whoever commits a change calls
/// <see cref="NotifyChanged"/> after the commit. On PostgreSQL the relay forwards local changes to the other instances
/// (<see cref="ChangedHere"/>) and raises <see cref="Changed"/> here for theirs (<see cref="NotifyChangedElsewhere"/>),
/// so a cache on any instance is dropped whichever instance the administrator used.</summary>
public sealed class ReferenceDataChanges : IClusterSignal
{
    public string Channel => ClusterSignals.ReferenceDataChannel;

    /// <summary>Reference data changed, on this instance or another one. Handlers run on the notifying thread:
    /// keep them short (drop a snapshot, do not reload it inline) and do not throw.</summary>
    public event Action? Changed;

    /// <summary>Reference data changed on this instance (for the cross-instance relay only).</summary>
    public event Action? ChangedHere;

    /// <summary>Call after committing a change to catalogue types, case standards or departments.</summary>
    public void NotifyChanged()
    {
        Changed?.Invoke();
        ChangedHere?.Invoke();
    }

    /// <summary>Another instance committed a change (called by the relay; not forwarded again). Also called when the
    /// relay reconnects, since a change may have been missed meanwhile.</summary>
    public void NotifyChangedElsewhere() => Changed?.Invoke();

    void IClusterSignal.OnChangedElsewhere() => NotifyChangedElsewhere();
}
