using CivicGrid.Domain.Geography;

namespace CivicGrid.Server.Seeding;

/// <summary>Cuts a community's land cells into unit grids: a built-up cell into 7 × 7 grids of ≈ 15,300 m², a rural
/// cell into one grid of ≈ 0.75 km². Serials run west→east within each row, rows north→south; a community with
/// more than 99 grids gets 15-digit codes (3-digit serials), otherwise 14-digit codes.</summary>
internal static class DemoGridPlanner
{
    public static List<DemoGridPlan> Plan(
        DemoScaleProfile profile, DemoDistrict district, string streetCode, string communityCode, IReadOnlyList<LandCell> cells, Random random)
    {
        var rectangles = new List<(int West, int South, int East, int North, bool BuiltUp)>();
        foreach (var cell in cells)
        {
            var west = cell.Column * DemoLattice.FinePerCell;
            var south = cell.Row * DemoLattice.FinePerCell;
            if (!cell.IsBuiltUp)
            {
                rectangles.Add((west, south, west + DemoLattice.FinePerCell, south + DemoLattice.FinePerCell, false));
                continue;
            }

            for (var y = 0; y < DemoLattice.FinePerCell; y++)
            {
                for (var x = 0; x < DemoLattice.FinePerCell; x++)
                {
                    rectangles.Add((west + x, south + y, west + x + 1, south + y + 1, true));
                }
            }
        }

        if (rectangles.Count > 999)
        {
            throw new InvalidOperationException($"Community {communityCode} would hold {rectangles.Count} grids; a serial has at most 3 digits.");
        }

        rectangles.Sort((a, b) => a.North != b.North ? b.North.CompareTo(a.North) : a.West.CompareTo(b.West));
        var serialDigits = rectangles.Count <= 99 ? 2 : 3;
        var community = DivisionCode.Parse(communityCode);
        var grids = new List<DemoGridPlan>(rectangles.Count);
        for (var i = 0; i < rectangles.Count; i++)
        {
            var (west, south, east, north, builtUp) = rectangles[i];
            var mean = builtUp ? profile.BuiltUpComponentsPerGrid : profile.RuralComponentsPerGrid;
            var components = random.Next(mean / 2, mean * 3 / 2 + 1);
            var code = UnitGridCode.For(community, i + 1, serialDigits).Value;
            grids.Add(new DemoGridPlan(code, district, streetCode, communityCode, west, south, east, north, builtUp, components));
        }

        return grids;
    }
}
