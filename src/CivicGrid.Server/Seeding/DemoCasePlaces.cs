using CivicGrid.Domain.Cases;

namespace CivicGrid.Server.Seeding;

/// <summary>A built-up unit grid as the demo history uses it: its rectangle, its chain of codes, the address prefix
/// and the inspector who patrols it.</summary>
internal sealed record DemoCaseGrid(
    string Code, string DistrictCode, string StreetCode, string CommunityCode,
    double West, double South, double East, double North, string Address, Actor Inspector);

/// <summary>Where problems happen: built-up grids, some much busier than others (markets, schools, stations), a
/// position inside the chosen grid and a landmark for the address.</summary>
internal sealed class DemoCasePlaces
{
    private static readonly string[] Landmarks =
    [
        "农贸市场旁", "公交站附近", "小区东门", "小区西门", "学校门口", "十字路口", "商业街", "医院门口", "公园入口", "菜市场后巷",
        "地铁口附近", "沿街商铺前", "桥下", "停车场出入口", "广场北侧",
    ];

    private readonly DemoCaseGrid[] _grids;
    private readonly double[] _cumulative;

    /// <param name="grids">In code order; each gets a busyness weight from <paramref name="random"/>.</param>
    public DemoCasePlaces(IReadOnlyList<DemoCaseGrid> grids, Random random)
    {
        if (grids.Count == 0) throw new InvalidOperationException("The demo city has no built-up unit grid to place cases in.");
        _grids = [.. grids];
        // Heavy-tailed busyness: most grids see a few cases, a few hot spots many.
        _cumulative = DemoWeights.Cumulative(_grids.Select(_ => 0.2 + Math.Pow(random.NextDouble(), 4) * 12));
    }

    public DemoCaseGrid PickGrid(Random random)
    {
        return _grids[DemoWeights.Pick(_cumulative, random)];
    }

    /// <summary>A position well inside the grid (away from its edges, so it locates to this grid) and an address.</summary>
    public static (double Longitude, double Latitude, string Address) Position(DemoCaseGrid grid, Random random)
    {
        var longitude = grid.West + (grid.East - grid.West) * (0.1 + 0.8 * random.NextDouble());
        var latitude = grid.South + (grid.North - grid.South) * (0.1 + 0.8 * random.NextDouble());
        return (Math.Round(longitude, 6), Math.Round(latitude, 6), grid.Address + Landmarks[random.Next(Landmarks.Length)]);
    }
}
