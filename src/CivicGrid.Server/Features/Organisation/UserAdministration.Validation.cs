using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Features.Catalogue;
using CivicGrid.Server.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Organisation;

/// <summary>The checks of a user change; problems name the API's field and carry the staff UI's text key.</summary>
public sealed partial class UserAdministration
{
    private const string UserNameTaken = "admin.username.taken";

    private sealed record CheckedChange(IReadOnlyList<FieldProblem> Problems, Roles Roles, DataScopeKind Scope, string? Division);

    private async Task<CheckedChange> CheckAsync(StaffPrincipal admin, StaffUser user, UserChange change, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        var isNew = user.Id == 0;
        if (isNew)
        {
            var userName = user.UserName;
            if (userName.Length is 0 or > 64 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
                problems.Add(new("userName", "admin.username.invalid", "userName is 1-64 letters, digits, dots, dashes or underscores."));
            else if (await db.StaffUsers.AnyAsync(u => u.UserName == userName, cancellationToken))
                problems.Add(new("userName", UserNameTaken, $"userName: there is already a user {userName}."));
        }
        CheckPassword(change.Password, required: isNew, problems);
        var displayName = change.DisplayName?.Trim();
        if (string.IsNullOrEmpty(displayName)) problems.Add(new("displayName", "admin.name.required", "displayName is required."));
        else if (displayName.Length > 64) problems.Add(new("displayName", "admin.text.long", "displayName is at most 64 characters."));

        var roles = Roles.None;
        foreach (var text in change.Roles ?? [])
        {
            if (ParseRole(text) is { } role) roles |= role;
            else problems.Add(new("roles", "admin.roles.required", $"roles are names of {RoleNames} (got '{text}')."));
        }
        if (roles == Roles.None && change.Roles is not { Count: > 0 })
            problems.Add(new("roles", "admin.roles.required", $"roles: give at least one of {RoleNames}."));
        else if (!isNew && user.Id == admin.UserId && !roles.HasFlag(Roles.Administrator))
            problems.Add(new("roles", "admin.notself", "roles: an administrator cannot take away their own Administrator role."));

        var scope = DataScopeKind.City;
        if (change.Scope is not null && (!Enum.TryParse(change.Scope.Trim(), ignoreCase: true, out scope) || !Enum.IsDefined(scope)
                                         || change.Scope.Trim().All(char.IsAsciiDigit)))
        {
            problems.Add(new("scope", "admin.scope.invalid", $"scope must be one of {string.Join(", ", Enum.GetNames<DataScopeKind>())} (got '{change.Scope}')."));
            scope = DataScopeKind.City;
        }
        var division = string.IsNullOrWhiteSpace(change.Division) ? null : change.Division.Trim();
        if (scope is DataScopeKind.District or DataScopeKind.Street)
        {
            var length = scope == DataScopeKind.District ? 6 : 9;
            if (division is null || division.Length != length || !await db.AdministrativeUnits.AnyAsync(u => u.Code == division, cancellationToken))
                problems.Add(new("division", "admin.division.invalid", $"division: give an existing {length}-digit division code for a {scope} scope."));
        }
        else division = null;
        if (change.DepartmentId is { } department)
        {
            if (!await db.Departments.AnyAsync(d => d.Id == department, cancellationToken))
                problems.Add(new("departmentId", "step.department.required", $"departmentId: there is no department {department}."));
        }
        else if (scope == DataScopeKind.Department)
        {
            problems.Add(new("departmentId", "step.department.required", "departmentId is required for a Department scope."));
        }
        return new CheckedChange(problems, roles, scope, division);
    }

    private static void CheckPassword(string? password, bool required, List<FieldProblem> problems)
    {
        if (string.IsNullOrEmpty(password))
        {
            if (required) problems.Add(new("password", "admin.password.required", "password is required."));
        }
        else if (password.Length < MinPasswordLength)
        {
            problems.Add(new("password", "admin.password.short", $"password has at least {MinPasswordLength} characters."));
        }
    }

    public static string RoleNames => string.Join(", ", Enum.GetNames<Roles>().Where(n => n != nameof(Roles.None)));

    /// <summary>True for the name of one role (any case), not a number.</summary>
    public static bool IsRoleName(string? text) => ParseRole(text) is not null;

    private static Roles? ParseRole(string? text) =>
        Enum.TryParse<Roles>(text?.Trim(), ignoreCase: true, out var role) && Enum.IsDefined(role) && role != Roles.None
        && !text!.Trim().All(char.IsAsciiDigit) ? role : null;
}
