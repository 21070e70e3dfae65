namespace CivicGrid.Domain.Organisation;

/// <summary>Staff roles (docs/domain/users-and-roles.md §1). A user may hold several.</summary>
[Flags]
public enum Roles
{
    None = 0,
    /// <summary>监督员 / 信息采集员</summary>
    Inspector = 1,
    /// <summary>受理员</summary>
    IntakeOperator = 2,
    /// <summary>值班长</summary>
    ShiftLead = 4,
    /// <summary>派遣员</summary>
    Dispatcher = 8,
    /// <summary>专业部门处置人员</summary>
    DepartmentHandler = 16,
    /// <summary>执法队员</summary>
    EnforcementOfficer = 32,
    /// <summary>领导</summary>
    Leader = 64,
    /// <summary>管理员</summary>
    Administrator = 128,
}
