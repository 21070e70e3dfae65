namespace CivicGrid.Server.Features.Geography;

/// <summary>An administrative unit in a location's chain.</summary>
public sealed record UnitRef(string Code, string Name);

/// <summary>Where a WGS-84 point lies: its unit grid (null when it falls outside every grid but inside a
/// community, the domain's fallback) and the chain community → street → district.</summary>
public sealed record GridLocation(string? GridCode, UnitRef Community, UnitRef Street, UnitRef District, bool IsBuiltUp = true);
