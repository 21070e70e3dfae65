namespace CivicGrid.Domain.Organisation;

/// <summary>A member of staff who signs in: inspector, operator, shift lead, dispatcher, handler, leader, administrator.</summary>
public sealed class StaffUser
{
    public int Id { get; set; }
    public required string UserName { get; set; }
    public required string DisplayName { get; set; }
    public required string PasswordHash { get; set; }
    public required string CityCode { get; set; }
    public Roles Roles { get; set; }
    public DataScopeKind ScopeKind { get; set; }
    /// <summary>District or street code for a district or street scope.</summary>
    public string? ScopeDivisionCode { get; set; }
    /// <summary>The department a department-scoped user works for.</summary>
    public int? DepartmentId { get; set; }
    public bool IsActive { get; set; } = true;

    public DataScope Scope => new(ScopeKind, ScopeDivisionCode, DepartmentId);

    public bool HasRole(Roles role) => (Roles & role) == role;
}
