namespace CivicGrid.Domain.Organisation;

/// <summary>A department (专业部门 / 处置单位): a bureau, district government, team or utility company.</summary>
public sealed class Department
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string NameEn { get; set; }
    public required string CityCode { get; set; }
    public DepartmentLevel Level { get; set; }
    public DepartmentKinds Kinds { get; set; }
    public int? ParentId { get; set; }
    /// <summary>The district it serves, for district bureaus and their teams; null for city-wide departments.</summary>
    public string? DistrictCode { get; set; }
    public bool IsActive { get; set; } = true;
}
