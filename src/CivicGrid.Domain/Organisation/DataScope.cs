namespace CivicGrid.Domain.Organisation;

/// <summary>How far a user's view reaches: the whole city, one district, one street, or one department's cases.</summary>
public enum DataScopeKind { City, District, Street, Department }

/// <summary>A user's data scope: the kind and, below city level, the division code or department it is bound to.</summary>
public sealed record DataScope(DataScopeKind Kind, string? DivisionCode, int? DepartmentId)
{
    public static DataScope WholeCity { get; } = new(DataScopeKind.City, null, null);
    public static DataScope OfDistrict(string districtCode) => new(DataScopeKind.District, districtCode, null);
    public static DataScope OfStreet(string streetCode) => new(DataScopeKind.Street, streetCode, null);
    public static DataScope OfDepartment(int departmentId) => new(DataScopeKind.Department, null, departmentId);

    /// <summary>True when a place with the given division code (district, street or community) lies in this scope.</summary>
    public bool Covers(string divisionCode) => Kind switch
    {
        DataScopeKind.City => true,
        DataScopeKind.District or DataScopeKind.Street =>
            DivisionCode is not null && divisionCode.StartsWith(DivisionCode, StringComparison.Ordinal),
        _ => false,
    };
}
