using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Auth;

/// <summary>Whether a signed-in principal (bearer token or UI cookie) still describes the user as stored: active,
/// same roles, city and data scope. Deactivation or a role change takes effect on the next request.</summary>
internal static class StaffUserCheck
{
    /// <returns>Null when current; otherwise why not.</returns>
    public static async Task<string?> WhyNotCurrentAsync(CivicGridDbContext db, StaffPrincipal staff, CancellationToken cancellationToken)
    {
        var user = await db.StaffUsers.AsNoTracking().Where(u => u.Id == staff.UserId)
            .Select(u => new { u.IsActive, u.Roles, u.ScopeKind, u.ScopeDivisionCode, u.DepartmentId, u.CityCode })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null || !user.IsActive) return "The user no longer exists or is deactivated.";
        if (user.Roles != staff.Roles || user.CityCode != staff.CityCode
            || new Domain.Organisation.DataScope(user.ScopeKind, user.ScopeDivisionCode, user.DepartmentId) != staff.Scope)
        {
            return "The user's roles or data scope changed since the sign-in; sign in again.";
        }
        return null;
    }
}
