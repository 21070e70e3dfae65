using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Server.Features.Calendar;
using CivicGrid.Server.Platform.LiveUpdates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Features.Cases;

/// <summary>Takes steps on cases for staff: loads the case within the caller's scope, asks the domain, writes the
/// case, its history entry, the step's attachments and what the step observers add in one transaction, then announces
/// the step to live views. Concurrent steps on one case: the second gets a conflict.</summary>
public sealed class CaseTransitions(CivicGridDbContext db, CityCalendar calendars, TimeProvider time, IOptions<CaseOptions> options,
    IEnumerable<ICaseStepObserver> observers, CaseEventHub events)
{
    /// <summary>The case if the caller's scope covers it, tracked for an update.</summary>
    public Task<Case?> FindAsync(long id, StaffContext staff, CancellationToken cancellationToken) =>
        db.Cases.Within(staff.Scope).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    public async Task<WorkflowContext> ContextAsync(Case @case, CancellationToken cancellationToken)
    {
        var standard = @case.Kind is { } kind && @case.TypeCode is { } code
            ? await db.CaseStandards.AsNoTracking().SingleOrDefaultAsync(s => s.Kind == kind && s.TypeCode == code, cancellationToken)
            : null;
        return new WorkflowContext(await calendars.GetAsync(cancellationToken), options.Value.Limits, standard);
    }

    /// <summary>The department routing suggests for dispatch and why (null: the dispatcher chooses).</summary>
    public async Task<RoutingSuggestion?> SuggestDepartmentAsync(Case @case, CancellationToken cancellationToken) =>
        await DispatchRouting.SuggestAsync(db, @case, (await ContextAsync(@case, cancellationToken)).Standard, cancellationToken);

    /// <summary>The inspectors a check may be sent to and the one suggested (null: none in scope).</summary>
    public async Task<(List<CheckInspectors.Choice> Choices, int? Suggested)> CheckInspectorsAsync(Case @case, CancellationToken cancellationToken)
    {
        var choices = await CheckInspectors.InScopeAsync(db, @case, cancellationToken);
        return (choices, await CheckInspectors.SuggestAsync(db, @case, choices, cancellationToken));
    }

    /// <summary>Takes one step: validates the attachments (uploaded to this case, not yet on a step), asks the domain,
    /// and commits everything in one transaction.</summary>
    /// <exception cref="WorkflowRefusalException">The step is not allowed now, not permitted or has bad inputs.</exception>
    /// <exception cref="DbUpdateConcurrencyException">Someone else changed the case meanwhile (its version moved, or a
    /// parallel step wrote the next history entry first).</exception>
    public async Task<CaseHistoryEntry> ApplyAsync(Case @case, CaseCommand command, StaffContext staff, CancellationToken cancellationToken)
    {
        var attachments = command.AttachmentIds ?? [];
        if (attachments.Count > 0 && await db.Attachments.CountAsync(a => attachments.Contains(a.Id) && a.CaseId == @case.Id && a.HistoryEntryId == null, cancellationToken) != attachments.Count)
        {
            throw new WorkflowRefusalException(RefusalKind.Invalid,
                "attachmentIds: every attachment must be uploaded to this case first and not yet be attached to a step.", [], "attachmentIds");
        }
        var context = await ContextAsync(@case, cancellationToken);
        // Only for a step the caller may take now: otherwise the domain answers why not (403/409), not the missing photo.
        if (command.Action == CaseAction.Feedback && attachments.Count == 0 && AfterPhotoRule.Requires(context.Standard)
            && CaseWorkflow.AllowedFor(@case, staff.Actor).Contains(CaseAction.Feedback))
        {
            throw new WorkflowRefusalException(RefusalKind.Invalid,
                $"attachmentIds: the case standard asks for a photo after handling ({context.Standard!.ClosingCondition}); upload it to the case and send its id.",
                [], "attachmentIds");
        }
        if (command is { Action: CaseAction.Dispatch, DepartmentId: null })
        {
            command = command with { DepartmentId = (await DispatchRouting.SuggestAsync(db, @case, context.Standard, cancellationToken))?.DepartmentId };
        }
        if (command.DepartmentId is { } department && command.Action == CaseAction.Dispatch
            && !await db.Departments.AnyAsync(d => d.Id == department && d.IsActive, cancellationToken))
        {
            throw new WorkflowRefusalException(RefusalKind.Invalid, $"departmentId: there is no active department {department}.", [], "departmentId");
        }
        if (command.Action == CaseAction.RequestCheck) command = await WithCheckInspectorAsync(@case, command, cancellationToken);
        var loadedVersion = @case.Version;
        var entry = @case.Apply(command, staff.Actor, time.GetUtcNow(), context);
        try
        {
            await CommitAsync(@case, entry, attachments, cancellationToken);
        }
        catch (DbUpdateException failure) when (failure is not DbUpdateConcurrencyException)
        {
            // A parallel step took the next history sequence first (UNIQUE CaseId, Sequence): the same conflict.
            if (!await db.Cases.AsNoTracking().AnyAsync(c => c.Id == @case.Id && c.Version != loadedVersion, cancellationToken)) throw;
            throw new DbUpdateConcurrencyException("The case changed meanwhile: another step took its next history entry.", failure);
        }
        events.Publish(CaseEvents.Of(@case, entry));
        return entry;
    }

    /// <summary>A check goes to the suggested inspector unless the operator chose one; a chosen one must be in scope.</summary>
    private async Task<CaseCommand> WithCheckInspectorAsync(Case @case, CaseCommand command, CancellationToken cancellationToken)
    {
        var (choices, suggested) = await CheckInspectorsAsync(@case, cancellationToken);
        if (command.InspectorUserId is null) return command with { InspectorUserId = suggested };
        return choices.Any(c => c.Id == command.InspectorUserId)
            ? command
            : throw new WorkflowRefusalException(RefusalKind.Invalid,
                $"inspectorUserId: {command.InspectorUserId} is not an active inspector whose scope covers the case.", [], "inspectorUserId");
    }

    /// <summary>The case as it is now (after a conflict), untracked; null when the caller's scope no longer covers it.</summary>
    public Task<Case?> CurrentAsync(long id, StaffContext staff, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return db.Cases.AsNoTracking().Within(staff.Scope).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    private async Task CommitAsync(Case @case, CaseHistoryEntry entry, IReadOnlyList<Guid> attachments, CancellationToken cancellationToken)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.CaseHistory.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
            if (attachments.Count > 0)
            {
                await db.Attachments.Where(a => attachments.Contains(a.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.HistoryEntryId, entry.Id), cancellationToken);
            }
            await observers.NotifyAsync(db, @case, entry, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
