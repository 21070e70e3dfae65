using CivicGrid.Domain.Organisation;

namespace CivicGrid.Server.Platform.Auth;

public static class StaffAuthorization
{
    /// <summary>Every endpoint of the group requires a signed-in staff user holding at least one of
    /// <paramref name="anyOf"/>: no or a bad token → 401, a token without the role → 403; both ProblemDetails, both
    /// logged. Data scope is the handler's part: filter with <see cref="ScopeFilter"/>, deny with <see cref="AccessCheck"/>.</summary>
    public static TBuilder RequireStaff<TBuilder>(this TBuilder builder, Roles anyOf) where TBuilder : IEndpointConventionBuilder
    {
        if (anyOf == Roles.None) throw new ArgumentException("Name at least one role.", nameof(anyOf));
        return builder.RequireAuthorization(policy => policy
            .AddAuthenticationSchemes(StaffAuthSchemes.Staff)
            .RequireAuthenticatedUser()
            .AddRequirements(new StaffRolesRequirement(anyOf)));
    }

    /// <summary>All roles: any signed-in member of staff.</summary>
    public static Roles AnyStaff => Enum.GetValues<Roles>().Aggregate(Roles.None, (all, role) => all | role);
}
