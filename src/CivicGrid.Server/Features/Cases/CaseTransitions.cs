using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Server.Features.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Features.Cases;

/// <summary>Takes steps on cases for staff: loads the case within the caller's scope, asks the domain, writes the
/// case and its history entry in one transaction. Concurrent steps on one case: the second gets a conflict.</summary>
public sealed class CaseTransitions(CivicGridDbContext db, CityCalendar calendars, TimeProvider time, IOptions<CaseOptions> options)
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

    /// <summary>The department routing suggests for dispatch (null: the dispatcher chooses).</summary>
    public async Task<int?> SuggestDepartmentAsync(Case @case, CancellationToken cancellationToken) =>
        await DispatchRouting.SuggestAsync(db, @case, (await ContextAsync(@case, cancellationToken)).Standard, cancellationToken);

    /// <exception cref="WorkflowRefusalException">The step is not allowed now, not permitted or has bad inputs.</exception>
    /// <exception cref="DbUpdateConcurrencyException">Someone else changed the case meanwhile.</exception>
    public async Task<CaseHistoryEntry> ApplyAsync(Case @case, CaseCommand command, StaffContext staff, CancellationToken cancellationToken)
    {
        var context = await ContextAsync(@case, cancellationToken);
        if (command is { Action: CaseAction.Dispatch, DepartmentId: null })
        {
            command = command with { DepartmentId = await DispatchRouting.SuggestAsync(db, @case, context.Standard, cancellationToken) };
        }
        if (command.DepartmentId is { } department && command.Action == CaseAction.Dispatch
            && !await db.Departments.AnyAsync(d => d.Id == department && d.IsActive, cancellationToken))
        {
            throw new WorkflowRefusalException(RefusalKind.Invalid, $"departmentId: there is no active department {department}.", [], "departmentId");
        }
        var entry = @case.Apply(command, staff.Actor, time.GetUtcNow(), context);
        db.CaseHistory.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return entry;
    }
}
