using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Server.Features.Catalogue;
using CivicGrid.Server.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using CivicGrid.Server.Platform.Errors;

namespace CivicGrid.Server.Features.Cases;

public static class TransitionHandlers
{
    public static async Task<Results<Ok<TransitionsDto>, ProblemHttpResult>> List(
        long id, StaffPrincipal who, CivicGridDbContext db, CaseTransitions transitions, RoutingExplanation routing, ILogger<CaseTransitions> logger,
        CancellationToken cancellationToken)
    {
        var staff = CaseEndpoints.Context(who);
        var @case = await transitions.FindAsync(id, staff, cancellationToken);
        if (@case is null) return await CaseReadHandlers.NotFound(db, id, who, "list the actions of", logger, cancellationToken);
        var allowed = CaseWorkflow.AllowedFor(@case, staff.Actor);
        var suggested = allowed.Contains(CaseAction.Dispatch) ? await transitions.SuggestDepartmentAsync(@case, cancellationToken) : null;
        var inspector = allowed.Contains(CaseAction.RequestCheck) ? (await transitions.CheckInspectorsAsync(@case, cancellationToken)).Suggested : null;
        return TypedResults.Ok(new TransitionsDto(@case.Status.ToString(), allowed.Select(a => a.ToCode()).ToList(), suggested?.DepartmentId, inspector,
            await routing.DescribeAsync(suggested, @case, cancellationToken)));
    }

    public static async Task<Results<Ok<TransitionResponse>, ValidationProblem, ProblemHttpResult>> Apply(
        long id, TransitionRequest request, StaffPrincipal who, CivicGridDbContext db, CaseTransitions transitions, TimeProvider time,
        Calendar.CityCalendar calendars, ILogger<CaseTransitions> logger, CancellationToken cancellationToken)
    {
        if (!CaseActions.TryParse(request.Action, out var action))
        {
            throw FieldErrors.Invalid("action", $"action must be one of {string.Join(", ", Enum.GetValues<CaseAction>().Select(a => a.ToCode()))}.");
        }
        CatalogueKind? kind = null;
        if (request.Kind is { Length: > 0 })
        {
            if (!Enum.TryParse<CatalogueKind>(request.Kind, true, out var parsed))
                throw FieldErrors.Invalid("kind", "kind must be matter or component.");
            kind = parsed;
        }
        var staff = CaseEndpoints.Context(who);
        var @case = await transitions.FindAsync(id, staff, cancellationToken);
        if (@case is null) return await CaseReadHandlers.NotFound(db, id, who, action.ToCode(), logger, cancellationToken);
        if (action == CaseAction.Classify && kind is { } k && request.TypeCode is { } code
            && !await db.CatalogueTypes.Where(t => t.Kind == k && t.Code == code).Offered(db).AnyAsync(cancellationToken))
        {
            throw FieldErrors.Invalid("typeCode", $"typeCode {code} is not a {k} type offered for reports (active, with a case standard).");
        }
        try
        {
            var command = new CaseCommand(action, request.Note, request.Confirmed, request.Passed, request.DepartmentId,
                request.ExtensionAmount, kind, request.TypeCode, request.AttachmentIds ?? [], request.InspectorUserId);
            var entry = await transitions.ApplyAsync(@case, command, staff, cancellationToken);
            return TypedResults.Ok(new TransitionResponse(HistoryEntryDto.From(entry), CaseDto.From(@case, time.GetUtcNow(), await calendars.GetAsync(cancellationToken))));
        }
        catch (WorkflowRefusalException refusal) when (refusal.Kind == RefusalKind.Invalid)
        {
            throw FieldErrors.Invalid(refusal.Field ?? "action", refusal.Message);
        }
        catch (WorkflowRefusalException refusal) when (refusal.Kind == RefusalKind.NotPermitted)
        {
            var denied = AccessCheck.Forbidden(who, action.ToCode(), $"case {@case.Number}", refusal.Message, logger);
            denied.ProblemDetails.Extensions["allowed"] = refusal.Allowed.Select(a => a.ToCode()).ToList();
            return denied;
        }
        catch (WorkflowRefusalException refusal)
        {
            return Conflict(refusal.Message, refusal.Allowed);
        }
        catch (DbUpdateConcurrencyException)
        {
            var now = await transitions.CurrentAsync(id, staff, cancellationToken);
            return Conflict("The case changed meanwhile; reload it and try again.", now is null ? [] : CaseWorkflow.AllowedFor(now, staff.Actor));
        }
    }

    private static ProblemHttpResult Conflict(string detail, IReadOnlyList<CaseAction> allowed) =>
        TypedResults.Problem(title: "Not allowed now", detail: detail, statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["allowed"] = allowed.Select(a => a.ToCode()).ToList() });

    public sealed record TransitionResponse(HistoryEntryDto Entry, CaseDto Case);
}
