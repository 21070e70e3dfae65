using CivicGrid.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Cases;

/// <summary>A step a work queue offers in one click (issue 18 item 2): 签收 (accept), or dispatch to the department
/// routing suggests. Steps that ask for input (a note, an answer, a photo) are taken on the case page.</summary>
public sealed record QuickStep(CaseAction Action, int? DepartmentId = null);

/// <summary>The one-click and batch steps of the queue pages, through <see cref="CaseTransitions"/> (the same checks
/// as every other step: scope, role, state, version).</summary>
public sealed class QueueSteps(CaseTransitions transitions)
{
    /// <summary>The step <paramref name="case"/> offers its viewer in one click; null when none needs no input.</summary>
    public async Task<QuickStep?> ForAsync(Case @case, StaffContext staff, CancellationToken cancellationToken)
    {
        var allowed = CaseWorkflow.AllowedFor(@case, staff.Actor);
        if (allowed.Contains(CaseAction.Accept)) return new QuickStep(CaseAction.Accept);
        if (allowed.Contains(CaseAction.Dispatch) && await transitions.SuggestDepartmentAsync(@case, cancellationToken) is { } suggestion)
            return new QuickStep(CaseAction.Dispatch, suggestion.DepartmentId);
        return null;
    }

    /// <summary>Takes the one-click step of each case; returns the numbers done and the numbers left for the case page
    /// (out of scope, no one-click step, or changed meanwhile).</summary>
    public async Task<(List<string> Done, List<string> Left)> ApplyAsync(IEnumerable<long> ids, StaffContext staff, CancellationToken cancellationToken)
    {
        var (done, left) = (new List<string>(), new List<string>());
        foreach (var id in ids.Distinct())
        {
            var @case = await transitions.FindAsync(id, staff, cancellationToken);
            if (@case is null) continue;
            if (await ForAsync(@case, staff, cancellationToken) is not { } step)
            {
                left.Add(@case.Number);
                continue;
            }
            try
            {
                await transitions.ApplyAsync(@case, new CaseCommand(step.Action, DepartmentId: step.DepartmentId), staff, cancellationToken);
                done.Add(@case.Number);
            }
            catch (Exception failure) when (failure is WorkflowRefusalException or DbUpdateConcurrencyException)
            {
                left.Add(@case.Number);
                await transitions.CurrentAsync(id, staff, cancellationToken); // drops the failed step's tracked rows
            }
        }
        return (done, left);
    }
}
