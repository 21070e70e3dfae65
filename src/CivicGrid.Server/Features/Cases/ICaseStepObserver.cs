using CivicGrid.Data;
using CivicGrid.Domain.Cases;

namespace CivicGrid.Server.Features.Cases;

/// <summary>Adds rows to the unit of work of a case step (an outbox message, a roll-up change …). It runs after the
/// domain took the step and before the save, inside the step's transaction: what it adds commits or fails with the
/// step. Every step passes here: the report (or duplicate link), each transition and the overdue mark.</summary>
public interface ICaseStepObserver
{
    ValueTask OnStepAsync(CivicGridDbContext db, Case @case, CaseHistoryEntry entry, CancellationToken cancellationToken);

    /// <summary>The steps of one group commit (each of a different case), in order. An observer that can add their rows
    /// with fewer statements overrides this; by default each step is observed on its own.</summary>
    async ValueTask OnStepsAsync(CivicGridDbContext db, IReadOnlyList<CaseStep> steps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(steps);
        foreach (var (@case, entry) in steps) await OnStepAsync(db, @case, entry, cancellationToken);
    }
}

/// <summary>A step just taken: the case as it is after it, and its history entry.</summary>
public readonly record struct CaseStep(Case Case, CaseHistoryEntry Entry);

internal static class CaseStepObservers
{
    public static async ValueTask NotifyAsync(this IEnumerable<ICaseStepObserver> observers, CivicGridDbContext db, Case @case,
        CaseHistoryEntry entry, CancellationToken cancellationToken)
    {
        foreach (var observer in observers) await observer.OnStepAsync(db, @case, entry, cancellationToken);
    }

    public static async ValueTask NotifyAsync(this IEnumerable<ICaseStepObserver> observers, CivicGridDbContext db,
        IReadOnlyList<CaseStep> steps, CancellationToken cancellationToken)
    {
        foreach (var observer in observers) await observer.OnStepsAsync(db, steps, cancellationToken);
    }
}
