using System.Security.Cryptography;

namespace CivicGrid.Server.Platform.Jobs;

/// <summary>This server process among the instances that share one database: host name, process id and a random
/// part (a restarted process with the same id is another instance). Names the holder of a job lease and the sender
/// of a cross-instance notification.</summary>
public sealed class InstanceIdentity
{
    public string Id { get; } =
        $"{Environment.MachineName}:{Environment.ProcessId}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    public override string ToString() => Id;
}
