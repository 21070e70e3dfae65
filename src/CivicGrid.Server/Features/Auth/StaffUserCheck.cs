using System.Collections.Concurrent;
using CivicGrid.Data;
using CivicGrid.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Auth;

/// <summary>Whether a signed-in principal (bearer token or UI cookie) still describes the user as stored: active,
/// same roles, city and data scope. Deactivation or a role change takes effect on the next request. Every request pays
/// for this one primary-key read, so it is a compiled query (no LINQ translation per request).</summary>
internal static class StaffUserCheck
{
    private sealed record StoredUser(bool IsActive, Roles Roles, DataScopeKind ScopeKind, string? ScopeDivisionCode, int? DepartmentId, string CityCode);

    // A compiled query keeps the SQL of the provider it first ran on, so there is one per provider (tests run both in one
    // process; a server uses one).
    private static readonly ConcurrentDictionary<string, Func<CivicGridDbContext, int, CancellationToken, Task<StoredUser?>>> Reads = new();

    private static Func<CivicGridDbContext, int, CancellationToken, Task<StoredUser?>> Compile() =>
        EF.CompileAsyncQuery((CivicGridDbContext db, int id, CancellationToken _) => db.StaffUsers.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new StoredUser(u.IsActive, u.Roles, u.ScopeKind, u.ScopeDivisionCode, u.DepartmentId, u.CityCode))
            .SingleOrDefault());

    /// <returns>Null when current; otherwise why not.</returns>
    public static async Task<string?> WhyNotCurrentAsync(CivicGridDbContext db, StaffPrincipal staff, CancellationToken cancellationToken)
    {
        var read = Reads.GetOrAdd(db.Database.ProviderName ?? "", _ => Compile());
        var user = await read(db, staff.UserId, cancellationToken);
        if (user is null || !user.IsActive) return "The user no longer exists or is deactivated.";
        if (user.Roles != staff.Roles || user.CityCode != staff.CityCode
            || new DataScope(user.ScopeKind, user.ScopeDivisionCode, user.DepartmentId) != staff.Scope)
        {
            return "The user's roles or data scope changed since the sign-in; sign in again.";
        }
        return null;
    }
}
