using static CivicGrid.Server.Seeding.DemoDepartments;

namespace CivicGrid.Server.Seeding;

/// <summary>A component type the demo city fills in: how common it is in built-up and in rural grids (relative
/// weights) and which departments are its competent authority, owner and maintainer. In a department code
/// "{d}" stands for the district of the component; an empty code means none (e.g. an unidentified cover's owner).</summary>
internal sealed record DemoComponentKind(
    string TypeCode, double UrbanWeight, double RuralWeight, string Competent, string Owner, string Maintainer);

/// <summary>The demo mix: many manhole covers, lamps, bins and trees; few toilets, transfer stations and pumping
/// stations. Covers belong to the utility that owns the pipe and are maintained by the district's maintenance team.</summary>
internal static class DemoComponentKinds
{
    private const string MaintenanceTeam = Municipal + "-{d}";
    private const string SanitationStation = Sanitation + "-{d}";
    private const string LandscapingStation = Landscaping + "-{d}";

    public static IReadOnlyList<DemoComponentKind> All { get; } =
    [
        new("01001", 6, 0.5, Municipal, WaterSupply, MaintenanceTeam),
        new("01002", 8, 0.5, Municipal, Drainage, MaintenanceTeam),
        new("01003", 10, 1, Municipal, Drainage, MaintenanceTeam),
        new("01004", 6, 0.5, Municipal, Drainage, MaintenanceTeam),
        new("01005", 3, 1, Municipal, Power, MaintenanceTeam),
        new("01011", 2, 0.2, Municipal, Gas, MaintenanceTeam),
        new("01013", 1.5, 0.2, Municipal, WaterSupply, WaterSupply),
        new("01023", 0.5, 0.2, Municipal, "", MaintenanceTeam),
        new("01030", 4, 8, Municipal, Power, Power),
        new("01037", 12, 3, Municipal, Municipal, Municipal),
        new("01060", 0.8, 0.1, Municipal, Municipal, Municipal),
        new("01072", 0.02, 0.02, Municipal, Drainage, Drainage),
        new("02004", 1, 0.3, Transport, Transport, Transport),
        new("02010", 4, 2, TrafficPolice, TrafficPolice, TrafficPolice),
        new("02012", 2, 0.5, Transport, Transport, Transport),
        new("02014", 1.5, 0.1, TrafficPolice, TrafficPolice, TrafficPolice),
        new("02017", 2, 1, TrafficPolice, TrafficPolice, TrafficPolice),
        new("03001", 0.15, 0.1, Sanitation, SanitationStation, SanitationStation),
        new("03005", 8, 2, Sanitation, SanitationStation, SanitationStation),
        new("04001", 0.05, 0.3, Landscaping, Landscaping, LandscapingStation),
        new("04002", 14, 6, Landscaping, Landscaping, LandscapingStation),
        new("80001", 0.03, 0, Municipal, Drainage, Drainage),
        new("80003", 0.05, 0.05, Sanitation, Sanitation, SanitationStation),
    ];
}
