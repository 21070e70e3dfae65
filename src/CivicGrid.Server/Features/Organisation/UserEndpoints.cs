using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Features.Catalogue;
using CivicGrid.Server.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Server.Features.Organisation;

/// <summary>Administrators keep their city's staff users on the internal API (the staff UI's user pages call the same
/// <see cref="UserAdministration"/>). There is no delete: deactivate. Password hashes never leave the server.</summary>
public static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/users").WithTags("Users").RequireStaff(Roles.Administrator);
        users.MapGet("/", List).WithName("ListUsers")
            .WithSummary("The administrator's city's users; filters: role (a role name), isActive, departmentId, q (in the user or display name).");
        users.MapGet("/{id:int}", Get).WithName("GetUser").WithSummary("One user of the administrator's city.");
        users.MapPost("/", Add).WithName("AddUser")
            .WithSummary("Adds a user: {userName, displayName, password (12+ characters), roles: [..], scope, division, departmentId}. 409 when the user name exists.");
        users.MapPut("/{id:int}", Update).WithName("UpdateUser")
            .WithSummary("Replaces a user's display name, roles, scope, division and department (the user name stays). An administrator cannot drop their own Administrator role.");
        users.MapPost("/{id:int}/deactivate", Deactivate).WithName("DeactivateUser")
            .WithSummary("Deactivates a user: their sign-ins and tokens stop at once. An administrator cannot deactivate themselves.");
        users.MapPost("/{id:int}/reactivate", Reactivate).WithName("ReactivateUser").WithSummary("Reactivates a user.");
        users.MapPost("/{id:int}/password", ResetPassword).WithName("ResetUserPassword").WithSummary("Sets a new password: {password} (12+ characters); answers the user.");
        return app;
    }

    public sealed record UserDto(int Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, string Scope, string? Division,
        int? DepartmentId, bool IsActive)
    {
        public static UserDto From(StaffUser u) => new(u.Id, u.UserName, u.DisplayName, StaffClaims.Split(u.Roles).Select(r => r.ToString()).ToList(),
            u.ScopeKind.ToString(), u.ScopeDivisionCode, u.DepartmentId, u.IsActive);
    }

    public sealed record UserRequest(string? UserName, string? DisplayName, string? Password, IReadOnlyList<string>? Roles, string? Scope,
        string? Division, int? DepartmentId);

    public sealed record UserUpdateRequest(string? DisplayName, IReadOnlyList<string>? Roles, string? Scope, string? Division, int? DepartmentId);

    public sealed record PasswordRequest(string? Password);

    private static async Task<Results<Ok<List<UserDto>>, ValidationProblem>> List(string? role, bool? isActive, int? departmentId, string? q,
        StaffPrincipal who, UserAdministration users, CancellationToken cancellationToken)
    {
        if (role is not null && !UserAdministration.IsRoleName(role))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = [$"role must be one of {UserAdministration.RoleNames} (got '{role}')."] });
        var found = await users.ListAsync(who.CityCode, new UserFilter(role, isActive, departmentId, q), cancellationToken);
        return TypedResults.Ok(found.Select(UserDto.From).ToList());
    }

    private static async Task<Results<Ok<UserDto>, ProblemHttpResult>> Get(int id, StaffPrincipal who, UserAdministration users, CancellationToken cancellationToken) =>
        await users.GetAsync(who.CityCode, id, cancellationToken) is { } user
            ? TypedResults.Ok(UserDto.From(user))
            : AccessCheck.NotFound($"user {id}");

    private static async Task<Results<Created<UserDto>, ValidationProblem, ProblemHttpResult>> Add(
        UserRequest? body, StaffPrincipal who, UserAdministration users, CancellationToken cancellationToken)
    {
        var change = new UserChange(body?.UserName, body?.DisplayName, body?.Password, body?.Roles, body?.Scope, body?.Division, body?.DepartmentId);
        return (await users.AddAsync(who, change, cancellationToken)).ToCreated(UserDto.From, u => $"/api/v1/users/{u.Id}");
    }

    private static async Task<Results<Ok<UserDto>, ValidationProblem, ProblemHttpResult>> Update(
        int id, UserUpdateRequest? body, StaffPrincipal who, UserAdministration users, CancellationToken cancellationToken)
    {
        var change = new UserChange(null, body?.DisplayName, null, body?.Roles, body?.Scope, body?.Division, body?.DepartmentId);
        return (await users.UpdateAsync(who, id, change, cancellationToken)).ToHttp(UserDto.From);
    }

    private static async Task<Results<Ok<UserDto>, ValidationProblem, ProblemHttpResult>> Deactivate(
        int id, StaffPrincipal who, UserAdministration users, CancellationToken cancellationToken) =>
        (await users.SetActiveAsync(who, id, active: false, cancellationToken)).ToHttp(UserDto.From);

    private static async Task<Results<Ok<UserDto>, ValidationProblem, ProblemHttpResult>> Reactivate(
        int id, StaffPrincipal who, UserAdministration users, CancellationToken cancellationToken) =>
        (await users.SetActiveAsync(who, id, active: true, cancellationToken)).ToHttp(UserDto.From);

    private static async Task<Results<Ok<UserDto>, ValidationProblem, ProblemHttpResult>> ResetPassword(
        int id, PasswordRequest? body, StaffPrincipal who, UserAdministration users, CancellationToken cancellationToken) =>
        (await users.ResetPasswordAsync(who, id, body?.Password, cancellationToken)).ToHttp(UserDto.From);
}
