namespace CivicGrid.Data;

/// <summary>Who runs a background job right now. Several instances share one database; the instance that holds
/// an unexpired lease on a job is the only one that runs it, and renews the lease on every pass. An instance that
/// dies stops renewing, and another takes the job over once the lease has expired.</summary>
public sealed class JobLease
{
    /// <summary>The job's name, e.g. "deadline-monitor".</summary>
    public required string Name { get; set; }
    /// <summary>The instance that holds the lease (host, process id and a random part).</summary>
    public required string Holder { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset AcquiredAt { get; set; }
}
