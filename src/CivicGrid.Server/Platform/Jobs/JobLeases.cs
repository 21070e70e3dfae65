using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Platform.Jobs;

/// <summary>Runs each background job on one instance at a time when several instances share a database. A job holds
/// a named lease (a row of JobLeases) that expires unless renewed; the instance whose lease is current runs the job,
/// the others skip their pass. An instance that dies stops renewing and another takes over after the lease expires.
/// <para>Usage, in a job's loop (see <see cref="Cases.DeadlineMonitor"/>):
/// <c>if (await leases.TryHoldAsync("outbox-sender", TimeSpan.FromMinutes(2), ct)) await SendDueAsync(ct);</c>
/// — choose a duration well above one pass, and renew by calling again on every pass. A lease is an optimisation
/// and a guarantee against doubled work in the normal case, not a fence: a holder frozen past its expiry may overlap
/// with the next, so a job must still claim its rows (a concurrency token or a conditional UPDATE) so that two passes
/// can never both act on one row.</para></summary>
public sealed class JobLeases(IServiceScopeFactory scopes, TimeProvider time, InstanceIdentity instance)
{
    /// <summary>Takes or renews the lease on <paramref name="job"/> for <paramref name="duration"/>; true when this
    /// instance holds it now, false when another instance's lease is still current.</summary>
    public async Task<bool> TryHoldAsync(string job, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = now + duration;
        var holder = instance.Id;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        // One statement: renew our own lease or take over an expired one. Under concurrent takeovers the database
        // serialises the UPDATEs on the row and re-checks the condition, so exactly one instance wins.
        var taken = await db.JobLeases
            .Where(l => l.Name == job && (l.Holder == holder || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(set => set
                .SetProperty(l => l.AcquiredAt, l => l.Holder == holder ? l.AcquiredAt : now)
                .SetProperty(l => l.Holder, holder)
                .SetProperty(l => l.ExpiresAt, until), cancellationToken);
        if (taken == 1) return true;
        if (await db.JobLeases.AnyAsync(l => l.Name == job, cancellationToken)) return false;
        db.JobLeases.Add(new JobLease { Name = job, Holder = holder, AcquiredAt = now, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // another instance created the lease row first
        }
    }

    /// <summary>Gives the lease up (on shutdown) so that another instance takes the job over at its next pass rather
    /// than after the expiry. Does nothing when another instance holds it.</summary>
    public async Task ReleaseAsync(string job, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        await db.JobLeases.Where(l => l.Name == job && l.Holder == instance.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.ExpiresAt, now), cancellationToken);
    }
}
