using CivicGrid.Domain.Organisation;

namespace CivicGrid.Domain.Cases;

/// <summary>Who takes a step: a staff user acting in one of their roles, or the system (jobs) or a citizen (intake).</summary>
/// <param name="Roles">All roles the user holds; the step is recorded under the role that allowed it.</param>
/// <param name="DepartmentId">The department a handler works for; department actions need it to match the case's.</param>
public sealed record Actor(int? UserId, string Name, Roles Roles, int? DepartmentId = null)
{
    public static Actor System { get; } = new(null, "system", Roles.None);

    public static Actor Citizen(string? name) => new(null, string.IsNullOrWhiteSpace(name) ? "citizen" : name, Roles.None);
}
