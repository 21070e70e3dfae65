using CivicGrid.Data;
using CivicGrid.Domain.Organisation;
using CivicGrid.Domain.PublicService;
using CivicGrid.Server.Platform.Auth;
using CivicGrid.Server.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.PublicService;

/// <summary>Staff CRUD of public notices (/api/v1/notices): administrators and shift leads. A city-wide user manages
/// every notice; a district-scoped one only notices limited to districts in their scope (others are 404).</summary>
public static class NoticeHandlers
{
    public const Roles Editors = Roles.Administrator | Roles.ShiftLead;

    public static async Task<Ok<List<Notices.NoticeDto>>> List(StaffPrincipal who, CivicGridDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = await db.Notices.AsNoTracking().OrderByDescending(n => n.PublishedFrom).ThenByDescending(n => n.Id).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Where(n => InScope(n, who)).Select(n => Notices.NoticeDto.From(n, now)).ToList());
    }

    public static async Task<Results<Ok<Notices.NoticeDto>, ProblemHttpResult>> Get(
        int id, StaffPrincipal who, CivicGridDbContext db, TimeProvider time, ILogger<Notices> logger, CancellationToken cancellationToken)
    {
        var (notice, denied) = await FindAsync(id, who, db, "view", logger, cancellationToken);
        return notice is null ? denied! : TypedResults.Ok(Notices.NoticeDto.From(notice, time.GetUtcNow()));
    }

    public static async Task<Results<Created<Notices.NoticeDto>, ProblemHttpResult>> Create(
        JsonBody<Notices.NoticeInput> body, StaffPrincipal who, CivicGridDbContext db, Notices notices, TimeProvider time, ILogger<Notices> logger,
        CancellationToken cancellationToken)
    {
        var notice = new Notice { Title = "", Body = "", CreatedAt = time.GetUtcNow(), CreatedByUserId = who.UserId };
        await notices.ApplyAsync(body.Value, notice, cancellationToken);
        if (!InScope(notice, who))
            return AccessCheck.Forbidden(who, "publish", "a notice for these districts", $"your data scope is {AccessCheck.Describe(who.Scope)}", logger);
        db.Notices.Add(notice);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/notices/{notice.Id}", Notices.NoticeDto.From(notice, time.GetUtcNow()));
    }

    public static async Task<Results<Ok<Notices.NoticeDto>, ProblemHttpResult>> Replace(
        int id, JsonBody<Notices.NoticeInput> body, StaffPrincipal who, CivicGridDbContext db, Notices notices, TimeProvider time, ILogger<Notices> logger,
        CancellationToken cancellationToken)
    {
        var (notice, denied) = await FindAsync(id, who, db, "change", logger, cancellationToken, tracked: true);
        if (notice is null) return denied!;
        await notices.ApplyAsync(body.Value, notice, cancellationToken);
        if (!InScope(notice, who))
            return AccessCheck.Forbidden(who, "publish", "a notice for these districts", $"your data scope is {AccessCheck.Describe(who.Scope)}", logger);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(Notices.NoticeDto.From(notice, time.GetUtcNow()));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        int id, StaffPrincipal who, CivicGridDbContext db, ILogger<Notices> logger, CancellationToken cancellationToken)
    {
        var (notice, denied) = await FindAsync(id, who, db, "delete", logger, cancellationToken, tracked: true);
        if (notice is null) return denied!;
        db.Notices.Remove(notice);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>City-wide users see all notices; others only notices limited to districts their scope covers.</summary>
    private static bool InScope(Notice notice, StaffPrincipal who) =>
        who.Scope.Kind == DataScopeKind.City || (notice.Districts.Count > 0 && notice.Districts.All(who.Scope.Covers));

    private static async Task<(Notice? Notice, ProblemHttpResult? Denied)> FindAsync(int id, StaffPrincipal who, CivicGridDbContext db,
        string action, ILogger logger, CancellationToken cancellationToken, bool tracked = false)
    {
        var query = tracked ? db.Notices : db.Notices.AsNoTracking();
        var notice = await query.SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notice is null) return (null, AccessCheck.NotFound($"notice {id}"));
        return InScope(notice, who) ? (notice, null) : (null, AccessCheck.NotFoundOutOfScope(who, action, $"notice {id}", logger));
    }
}
