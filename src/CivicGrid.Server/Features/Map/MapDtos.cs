using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Components;

namespace CivicGrid.Server.Features.Map;

/// <summary>GET /api/v1/map/components: either clusters or points (the other list empty); <c>Total</c> counts every
/// component in the viewport that passes the type filter, so the clusters' counts add up to it.</summary>
public sealed record MapComponents(string Mode, int Zoom, long Total, IReadOnlyList<ComponentCluster> Clusters, IReadOnlyList<ComponentPoint> Points)
{
    public const string PointsMode = "points";
    public const string ClustersMode = "clusters";
}

/// <summary>Components of one screen cell: how many, and their mean position (WGS-84).</summary>
public sealed record ComponentCluster(double Lon, double Lat, int Count);

/// <summary>One component as the map marks it.</summary>
public sealed record ComponentPoint(string Id, string TypeCode, string Name, ComponentStatus Status, double Lon, double Lat);

/// <summary>GET /api/v1/map/cases: the cases of the viewport in the caller's data scope, newest first, at most
/// <see cref="MapOptions.MaxCases"/>; <c>Truncated</c> says that more matched (zoom in or filter).</summary>
public sealed record MapCases(int Count, bool Truncated, IReadOnlyList<MapCase> Cases);

/// <summary>One case as the map marks it; <c>Light</c> is green, yellow, red, or null when no clock runs. The names
/// (type, place as street · community, department) are in the UI's language for the popup; <c>DueAt</c> is the current
/// stage's deadline while the case is open.</summary>
public sealed record MapCase(
    long Id, string Number, CaseStatus Status, string? TypeCode, string? Light, double Lon, double Lat, int? DepartmentId,
    bool IsUrgent, DateTimeOffset CreatedAt, CivicGrid.Domain.Catalogue.CatalogueKind? Kind, string? TypeName, string? Place, string? DepartmentName, DateTimeOffset? DueAt);
