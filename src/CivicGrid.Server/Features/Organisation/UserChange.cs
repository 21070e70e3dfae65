namespace CivicGrid.Server.Features.Organisation;

/// <summary>A staff user as an administrator enters them. Roles: <see cref="CivicGrid.Domain.Organisation.Roles"/>
/// names; scope: a <see cref="CivicGrid.Domain.Organisation.DataScopeKind"/> name (null: City); division: the district
/// (6 digits) or street (9 digits) of a district or street scope. The user name is set once, at creation; a null or
/// empty password keeps the current one on a change.</summary>
public sealed record UserChange(string? UserName, string? DisplayName, string? Password, IReadOnlyList<string>? Roles,
    string? Scope, string? Division, int? DepartmentId);

/// <summary>Which users a list shows: holding a role (a <see cref="CivicGrid.Domain.Organisation.Roles"/> name), active
/// or not, of a department, and with <see cref="Text"/> in the user or display name.</summary>
public sealed record UserFilter(string? Role = null, bool? IsActive = null, int? DepartmentId = null, string? Text = null);
