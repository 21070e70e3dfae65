using System.Globalization;
using System.Security.Claims;
using CivicGrid.Domain.Organisation;

namespace CivicGrid.Server.Platform.Auth;

/// <summary>The claims of a staff token. Short JWT names, read back unmapped (MapInboundClaims is off).</summary>
public static class StaffClaims
{
    public const string UserId = "sub";
    public const string UserName = "name";
    public const string DisplayName = "display_name";
    public const string Role = "role";
    public const string ScopeKind = "scope_kind";
    public const string ScopeDivision = "scope_division";
    public const string ScopeDepartment = "scope_department";
    public const string City = "city";

    /// <summary>The single roles a flags value holds, e.g. Dispatcher | Leader → [Dispatcher, Leader].</summary>
    public static IEnumerable<Roles> Split(Roles roles) =>
        Enum.GetValues<Roles>().Where(role => role != Roles.None && (roles & role) == role);

    internal static IEnumerable<Claim> For(StaffUser user)
    {
        yield return new Claim(UserId, user.Id.ToString(CultureInfo.InvariantCulture));
        yield return new Claim(UserName, user.UserName);
        yield return new Claim(DisplayName, user.DisplayName);
        yield return new Claim(City, user.CityCode);
        foreach (var role in Split(user.Roles)) yield return new Claim(Role, role.ToString());
        yield return new Claim(ScopeKind, user.ScopeKind.ToString());
        if (user.ScopeDivisionCode is { } division) yield return new Claim(ScopeDivision, division);
        if (user.DepartmentId is { } department)
            yield return new Claim(ScopeDepartment, department.ToString(CultureInfo.InvariantCulture));
    }
}
