namespace CivicGrid.Server.Seeding;

/// <summary>The numbers that make a demo scale: which land cells exist, how the districts divide, how much is
/// built up and how many components each grid holds.</summary>
internal sealed record DemoScaleProfile(
    DemoScale Scale,
    int FirstColumn,
    int EndColumn,
    int FirstRow,
    IReadOnlyList<int> StreetsPerDistrict,
    IReadOnlyList<int> CommunitiesPerDistrict,
    int BuiltUpCells,
    int BuiltUpComponentsPerGrid,
    int RuralComponentsPerGrid,
    int PatrolAreaSize,
    int MaxInspectors)
{
    /// <summary>Land cells west of this column belong to 秀英区 (lon &lt; 110.2848).</summary>
    public const int LonghuaFirstColumn = 22;

    /// <summary>Land cells from this column eastwards belong to 美兰区 or 琼山区 (lon ≥ 110.4024).</summary>
    public const int EastFirstColumn = 36;

    /// <summary>In the east, rows from this one northwards are 美兰区 (lat ≥ 19.9465), the rest 琼山区.</summary>
    public const int MeilanFirstRow = 45;

    public static DemoScaleProfile For(DemoScale scale) => scale switch
    {
        // The urban core only (≈ 110.27–110.44 E, 19.88 N–coast): 16 communities, ≈ 700 grids, ≈ 2,300 components.
        DemoScale.Small => new(scale, 20, 40, 37, [2, 2, 2, 2], [4, 4, 4, 4], 5, 6, 2, 40, 40),
        // Haikou: 43 streets/towns, 431 communities/villages, ≈ 3,200 km², ≈ 20,600 grids, ≈ 300,000 components.
        DemoScale.City => new(scale, 0, DemoLattice.Columns, 0, [9, 11, 11, 12], [88, 110, 115, 118], 340, 18, 3, 40, 150),
        // Shanghai-sized grid and component counts on Haikou's land: ≈ 39,300 grids, ≥ 10 M components.
        DemoScale.Megacity => new(scale, 0, DemoLattice.Columns, 0, [9, 11, 11, 12], [88, 110, 115, 118], 730, 285, 20, 40, 150),
        _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, "Unknown demo scale."),
    };

    /// <summary>The district (index into <see cref="DemoCity.Districts"/>) a land cell belongs to.</summary>
    public static int DistrictOf(int column, int row) => column switch
    {
        < LonghuaFirstColumn => 0,
        < EastFirstColumn => 1,
        _ => row >= MeilanFirstRow ? 3 : 2,
    };
}
