using CivicGrid.Domain.Organisation;
using Microsoft.AspNetCore.Authorization;

namespace CivicGrid.Server.Platform.Auth;

/// <summary>The request comes from a staff user holding at least one of <see cref="AnyOf"/>.</summary>
public sealed class StaffRolesRequirement(Roles anyOf) : AuthorizationHandler<StaffRolesRequirement>, IAuthorizationRequirement
{
    public Roles AnyOf { get; } = anyOf;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffRolesRequirement requirement)
    {
        if (StaffPrincipal.From(context.User) is { } staff && staff.HasAnyRole(requirement.AnyOf)) context.Succeed(requirement);
        return Task.CompletedTask;
    }

    public override string ToString() => $"one of the roles {AnyOf}";
}
