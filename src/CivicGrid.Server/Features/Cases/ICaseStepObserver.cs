using CivicGrid.Data;
using CivicGrid.Domain.Cases;

namespace CivicGrid.Server.Features.Cases;

/// <summary>Adds rows to the unit of work of a case step (an outbox message, a roll-up change …). It runs after the
/// domain took the step and before the save, inside the step's transaction: what it adds commits or fails with the
/// step. Every step passes here: the report (or duplicate link), each transition and the overdue mark.</summary>
public interface ICaseStepObserver
{
    ValueTask OnStepAsync(CivicGridDbContext db, Case @case, CaseHistoryEntry entry, CancellationToken cancellationToken);
}

internal static class CaseStepObservers
{
    public static async ValueTask NotifyAsync(this IEnumerable<ICaseStepObserver> observers, CivicGridDbContext db, Case @case,
        CaseHistoryEntry entry, CancellationToken cancellationToken)
    {
        foreach (var observer in observers) await observer.OnStepAsync(db, @case, entry, cancellationToken);
    }
}
