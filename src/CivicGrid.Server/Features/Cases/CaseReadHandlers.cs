using CivicGrid.Data;
using CivicGrid.Server.Features.Calendar;
using CivicGrid.Server.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using CivicGrid.Server.Platform.Errors;

namespace CivicGrid.Server.Features.Cases;

public static class CaseReadHandlers
{
    public static async Task<Results<Ok<CasePage>, ValidationProblem>> List(
        [AsParameters] CaseQuery query, StaffPrincipal who, CaseViews views, TimeProvider time, CityCalendar calendars,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var errors = new FieldErrors();
        var listing = await views.ListAsync(query, who.Scope, queue: null, who.UserId, now, errors, cancellationToken)
            ?? throw new InvalidRequestException(errors.ToDictionary());
        var calendar = await calendars.GetAsync(cancellationToken);
        return TypedResults.Ok(new CasePage(listing.Items.Select(c => CaseDto.From(c, now, calendar)).ToList(), listing.Page, listing.PageSize, listing.Total, listing.TotalCapped, listing.Next));
    }

    public static async Task<Results<Ok<CaseDto>, ProblemHttpResult>> Get(
        long id, StaffPrincipal who, CivicGridDbContext db, TimeProvider time, CityCalendar calendars, ILogger<CaseIntake> logger,
        CancellationToken cancellationToken)
    {
        var @case = await FindAsync(db, id, who, cancellationToken);
        return @case is null
            ? await NotFound(db, id, who, "view", logger, cancellationToken)
            : TypedResults.Ok(CaseDto.From(@case, time.GetUtcNow(), await calendars.GetAsync(cancellationToken)));
    }

    public static async Task<Results<Ok<List<HistoryEntryDto>>, ProblemHttpResult>> History(
        long id, StaffPrincipal who, CivicGridDbContext db, CaseViews views, ILogger<CaseIntake> logger, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, id, who, cancellationToken) is null) return await NotFound(db, id, who, "view the history of", logger, cancellationToken);
        var entries = await views.HistoryAsync(id, cancellationToken);
        return TypedResults.Ok(entries.Select(HistoryEntryDto.From).ToList());
    }

    internal static Task<Domain.Cases.Case?> FindAsync(CivicGridDbContext db, long id, StaffPrincipal who, CancellationToken cancellationToken) =>
        db.Cases.AsNoTracking().Within(who.Scope).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>404 either way; an existing case outside the scope is logged as a denial.</summary>
    internal static async Task<ProblemHttpResult> NotFound(
        CivicGridDbContext db, long id, StaffPrincipal who, string action, ILogger logger, CancellationToken cancellationToken) =>
        await db.Cases.AnyAsync(c => c.Id == id, cancellationToken)
            ? AccessCheck.NotFoundOutOfScope(who, action, CaseEndpoints.Resource(id), logger)
            : AccessCheck.NotFound(CaseEndpoints.Resource(id));
}
