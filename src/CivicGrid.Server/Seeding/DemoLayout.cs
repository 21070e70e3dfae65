namespace CivicGrid.Server.Seeding;

/// <summary>The planned city, before anything is written: districts → streets → communities → unit grids, all
/// in code order. Light enough to hold for a megacity (≈ 40,000 grid plans).</summary>
internal sealed record DemoLayout(IReadOnlyList<DemoDistrictPlan> Districts)
{
    public IEnumerable<DemoStreetPlan> Streets => Districts.SelectMany(d => d.Streets);

    public IEnumerable<DemoCommunityPlan> Communities => Streets.SelectMany(s => s.Communities);

    public IEnumerable<DemoGridPlan> Grids => Communities.SelectMany(c => c.Grids);

    public int GridCount => Communities.Sum(c => c.Grids.Count);

    public long ComponentCount => Grids.Sum(g => (long)g.ComponentCount);
}

internal sealed record DemoDistrictPlan(DemoDistrict District, IReadOnlyList<DemoStreetPlan> Streets);

/// <summary>A street (街道, urban) or town (镇, rural) with its 9-digit code.</summary>
internal sealed record DemoStreetPlan(
    DemoDistrict District, string Code, string Name, string NameEn, IReadOnlyList<DemoCommunityPlan> Communities);

/// <summary>A community (社区) or village (村) with its 12-digit code, its land cells and its unit grids.</summary>
internal sealed record DemoCommunityPlan(
    string Code, string Name, string NameEn, IReadOnlyList<LandCell> Cells, IReadOnlyList<DemoGridPlan> Grids);

/// <summary>A unit grid: its code and its rectangle as fine-lattice indices (see <see cref="DemoLattice"/>).</summary>
internal sealed record DemoGridPlan(
    string Code, DemoDistrict District, string StreetCode, string CommunityCode,
    int West, int South, int East, int North, bool IsBuiltUp, int ComponentCount)
{
    public double AreaSquareMetres => DemoLattice.AreaSquareMetres(West, South, East, North);
}
