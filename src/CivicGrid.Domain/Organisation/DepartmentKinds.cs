namespace CivicGrid.Domain.Organisation;

/// <summary>What a department is to a component or a case; a department may be several at once.</summary>
[Flags]
public enum DepartmentKinds
{
    None = 0,
    /// <summary>主管部门: the authority responsible for a kind of facility or matter.</summary>
    Competent = 1,
    /// <summary>权属单位: owns components.</summary>
    Owner = 2,
    /// <summary>养护单位: maintains components.</summary>
    Maintainer = 4,
    /// <summary>处置单位: receives dispatched cases and handles them.</summary>
    HandlingUnit = 8,
}
