namespace CivicGrid.Domain.Geography;

/// <summary>A responsibility grid (责任网格): a patrol area of unit grids assigned to an inspector.</summary>
public sealed class ResponsibilityGrid
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string CityCode { get; set; }
    public required string DistrictCode { get; set; }
    /// <summary>The inspector (监督员) who patrols it; null while unassigned.</summary>
    public int? InspectorUserId { get; set; }
}
