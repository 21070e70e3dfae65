using CivicGrid.Server.Platform.LiveUpdates;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Platform.Auth;

/// <summary>What <see cref="StaffUserCheck"/> read of each signed-in user (active, roles, city, scope), kept for
/// <see cref="AuthOptions.UserCheckCacheLifetime"/> (1 s by default) so that a busy client's requests do not each pay a
/// database read (issue 16). Whoever changes a user's access calls <see cref="UsersChanged"/> after the commit: every
/// instance drops its copy at once.</summary>
public sealed class StaffAccessCache(IOptions<AuthOptions> options)
    : ClusterCache<int, StaffUserCheck.StoredUser?>(options.Value.UserCheckCacheLifetime, ClusterSignals.StaffAccessChannel)
{
    /// <summary>Call after committing a change to a user's activity, roles or scope.</summary>
    public void UsersChanged() => Changed();
}
