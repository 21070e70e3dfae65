namespace CivicGrid.Server.Platform.LiveUpdates;

/// <summary>In-memory state that every instance drops when any instance changes it (the grid snapshot, cached
/// reference data). A feature implements it and registers it as <c>IClusterSignal</c>; on PostgreSQL the relay
/// (<see cref="PostgresCaseEventRelay"/>) forwards <see cref="ChangedHere"/> on <see cref="Channel"/> and calls
/// <see cref="OnChangedElsewhere"/> when a peer sends it. The platform knows no feature (ADR 0014).</summary>
public interface IClusterSignal
{
    /// <summary>The PostgreSQL NOTIFY channel (one of <see cref="ClusterSignals"/>' channel names).</summary>
    string Channel { get; }

    /// <summary>Raised after a change committed in this process.</summary>
    event Action? ChangedHere;

    /// <summary>Another instance changed the state, or changes may have been missed while nobody listened.</summary>
    void OnChangedElsewhere();
}
