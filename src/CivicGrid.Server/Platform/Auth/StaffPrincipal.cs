using System.Globalization;
using System.Reflection;
using System.Security.Claims;
using CivicGrid.Domain.Organisation;

namespace CivicGrid.Server.Platform.Auth;

/// <summary>The signed-in member of staff, read from the request's claims. Endpoint handlers take it as a
/// parameter (it binds itself from the HttpContext) on groups that <see cref="StaffAuthorization.RequireStaff"/>.</summary>
public sealed record StaffPrincipal(
    int UserId, string UserName, string DisplayName, Roles Roles, DataScope Scope, string CityCode)
{
    /// <summary>True when the user holds every role in <paramref name="role"/> (one role: holds it).</summary>
    public bool HasRole(Roles role) => role != Roles.None && (Roles & role) == role;

    /// <summary>True when the user holds at least one role of <paramref name="anyOf"/>.</summary>
    public bool HasAnyRole(Roles anyOf) => (Roles & anyOf) != Roles.None;

    /// <summary>The staff user behind an authenticated principal; null when anonymous or the claims are incomplete.</summary>
    public static StaffPrincipal? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        if (!int.TryParse(principal.FindFirstValue(StaffClaims.UserId), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || principal.FindFirstValue(StaffClaims.UserName) is not { Length: > 0 } userName
            || principal.FindFirstValue(StaffClaims.City) is not { Length: > 0 } city
            || !Enum.TryParse<DataScopeKind>(principal.FindFirstValue(StaffClaims.ScopeKind), ignoreCase: false, out var kind)
            || !Enum.IsDefined(kind))
        {
            return null;
        }

        var roles = Roles.None;
        foreach (var claim in principal.FindAll(StaffClaims.Role))
        {
            if (Enum.TryParse<Roles>(claim.Value, ignoreCase: false, out var role) && Enum.IsDefined(role)) roles |= role;
        }
        int? department = int.TryParse(principal.FindFirstValue(StaffClaims.ScopeDepartment), NumberStyles.None,
            CultureInfo.InvariantCulture, out var departmentId) ? departmentId : null;
        var scope = new DataScope(kind, principal.FindFirstValue(StaffClaims.ScopeDivision), department);
        return new StaffPrincipal(id, userName, principal.FindFirstValue(StaffClaims.DisplayName) ?? userName, roles, scope, city);
    }

    /// <summary>Minimal API binding: a handler parameter of this type receives the signed-in user.</summary>
    public static ValueTask<StaffPrincipal?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult(From(context.User));
}
