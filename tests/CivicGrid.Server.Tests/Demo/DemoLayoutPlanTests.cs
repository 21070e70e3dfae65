using CivicGrid.Server.Features.Catalogue;
using CivicGrid.Server.Seeding;

namespace CivicGrid.Server.Tests.Demo;

/// <summary>The city and megacity plans, checked in memory (seeding them belongs to benchmarks, not tests).</summary>
public sealed class DemoLayoutPlanTests
{
    private static readonly DemoLayout City = DemoLayoutPlanner.Plan(DemoScaleProfile.For(DemoScale.City), DemoCitySeeder.DefaultSeed);
    private static readonly DemoLayout Megacity = DemoLayoutPlanner.Plan(DemoScaleProfile.For(DemoScale.Megacity), DemoCitySeeder.DefaultSeed);

    [Fact]
    public void CityScale_IsHaikouSized_43Streets_431Communities_About20000Grids_And300000Components()
    {
        Assert.Equal(43, City.Streets.Count());
        Assert.Equal(431, City.Communities.Count());
        Assert.InRange(City.GridCount, 19_000, 22_000);
        Assert.InRange(City.ComponentCount, 280_000, 330_000);
        Assert.Equal([9, 11, 11, 12], City.Districts.Select(d => d.Streets.Count));
        Assert.All(City.Districts, d => Assert.Contains(d.Streets.SelectMany(s => s.Communities).SelectMany(c => c.Grids), g => g.IsBuiltUp));
    }

    [Fact]
    public void MegacityScale_IsShanghaiSized_About40000Grids_AndAtLeastTenMillionComponents()
    {
        Assert.InRange(Megacity.GridCount, 37_000, 43_000);
        Assert.True(Megacity.ComponentCount >= 10_000_000, $"{Megacity.ComponentCount:N0} components planned.");
    }

    [Fact]
    public void MegacityComponents_StreamLazily_WithoutMaterialisingTheMillions()
    {
        var stream = new DemoComponentStream(Megacity, Directory(), TypeNames(), new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var first = stream.Generate(1).Take(10_000).ToList();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(10_000, first.Count);
        Assert.True(allocated < 64L * 1024 * 1024, $"Generating 10,000 components allocated {allocated:N0} bytes.");
    }

    [Fact]
    public void MegacitySerials_StayWellBelowTheSixDigitLimit_ForEveryDistrictAndType()
    {
        foreach (var district in Megacity.Districts)
        {
            var grids = district.Streets.SelectMany(s => s.Communities).SelectMany(c => c.Grids).ToList();
            var urban = grids.Where(g => g.IsBuiltUp).Sum(g => (double)g.ComponentCount);
            var rural = grids.Where(g => !g.IsBuiltUp).Sum(g => (double)g.ComponentCount);
            foreach (var kind in DemoComponentKinds.All)
            {
                var expected = urban * kind.UrbanWeight / DemoComponentKinds.All.Sum(k => k.UrbanWeight)
                    + rural * kind.RuralWeight / DemoComponentKinds.All.Sum(k => k.RuralWeight);
                Assert.True(expected < 900_000, $"{district.District.Code} {kind.TypeCode}: about {expected:N0} components expected.");
            }
        }
    }

    [Fact]
    public void CityGrids_NeverShareALatticeCell_AndKeepTheSeaAndCentrePoints()
    {
        var covered = new HashSet<(int, int)>();
        foreach (var grid in City.Grids)
        {
            for (var x = grid.West; x < grid.East; x++)
            {
                for (var y = grid.South; y < grid.North; y++) Assert.True(covered.Add((x, y)), $"{grid.Code} overlaps another grid.");
            }
        }

        Assert.DoesNotContain(City.Grids, g => Covers(g, DemoCity.SeaPoint.Longitude, DemoCity.SeaPoint.Latitude));
        Assert.True(City.Grids.Single(g => Covers(g, DemoCity.CentrePoint.Longitude, DemoCity.CentrePoint.Latitude)).IsBuiltUp);
        Assert.All(City.Grids.Where(g => g.IsBuiltUp), g => Assert.InRange(g.AreaSquareMetres, 10_000, 30_000));
    }

    [Fact]
    public void CityCommunities_AreEachOneConnectedPolygon()
    {
        foreach (var community in City.Communities)
        {
            var boundary = NetTopologySuite.Operation.Union.UnaryUnionOp.Union(community.Cells.Select(DemoLattice.CellRectangle).ToList());
            Assert.True(boundary is NetTopologySuite.Geometries.Polygon { IsValid: true }, $"{community.Code} is a {boundary.GeometryType}.");
        }
    }

    private static bool Covers(DemoGridPlan grid, double longitude, double latitude) =>
        DemoLattice.Longitude(grid.West) <= longitude && longitude <= DemoLattice.Longitude(grid.East)
        && DemoLattice.Latitude(grid.South) <= latitude && latitude <= DemoLattice.Latitude(grid.North);

    private static DemoDepartmentDirectory Directory()
    {
        var codes = DemoComponentKinds.All.SelectMany(k => new[] { k.Competent, k.Owner, k.Maintainer }).Where(c => c.Length > 0)
            .SelectMany(c => DemoCity.Districts.Select(d => c.Replace("{d}", d.Code, StringComparison.Ordinal))).Distinct();
        return new DemoDepartmentDirectory(codes.Select((code, i) => (code, i + 1)).ToDictionary(p => p.code, p => p.Item2));
    }

    private static Dictionary<string, string> TypeNames() =>
        CatalogueDocument.LoadStandard().Types.Where(t => t.Kind == "component").ToDictionary(t => t.Code, t => t.Name);
}
