namespace CivicGrid.Domain.Components;

/// <summary>A component instance (部件): a manhole cover, street lamp, toilet… with its 17-digit identifier.</summary>
public sealed class Component
{
    /// <summary>6-digit district + 5-digit type + 6-digit serial.</summary>
    public required string Id { get; set; }
    public required string CityCode { get; set; }
    public required string TypeCode { get; set; }
    public required string Name { get; set; }
    public string? GridCode { get; set; }
    public double Longitude { get; set; }
    public double Latitude { get; set; }
    public int? CompetentDepartmentId { get; set; }
    public int? OwnerDepartmentId { get; set; }
    public int? MaintainerDepartmentId { get; set; }
    public ComponentStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    /// <summary>Where the record came from: census, import file, inspector…</summary>
    public string? Source { get; set; }
    public string? Note { get; set; }
}
