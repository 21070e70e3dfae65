namespace CivicGrid.Domain.Cases;

/// <summary>A department's request that waits for the dispatcher: return (回退), extension (延期) or suspension (挂账).</summary>
public enum PendingRequestKind { Return, Extension, Suspension }
