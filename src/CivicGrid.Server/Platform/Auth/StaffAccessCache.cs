using CivicGrid.Server.Platform.LiveUpdates;
using CivicGrid.Server.Platform.Runtime;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Platform.Auth;

/// <summary>What <see cref="StaffUserCheck"/> read of each signed-in user (active, roles, city, scope), kept for
/// <see cref="AuthOptions.UserCheckCacheLifetime"/> (1 s by default) so that a busy client's requests do not each pay a
/// database read (issue 16). Whoever changes a user's access calls <see cref="UsersChanged"/> after the commit: every
/// instance drops its copy at once (on PostgreSQL through the cluster signal); a change made outside the server (a CLI
/// verb, SQL) takes effect within the lifetime.</summary>
public sealed class StaffAccessCache(IOptions<AuthOptions> options) : IClusterSignal
{
    internal ShortLivedCache<int, StaffUserCheck.StoredUser?> Users { get; } = new(options.Value.UserCheckCacheLifetime);

    public string Channel => ClusterSignals.StaffAccessChannel;

    public event Action? ChangedHere;

    /// <summary>Call after committing a change to a user's activity, roles or scope.</summary>
    public void UsersChanged()
    {
        Users.Clear();
        ChangedHere?.Invoke();
    }

    void IClusterSignal.OnChangedElsewhere() => Users.Clear();
}
