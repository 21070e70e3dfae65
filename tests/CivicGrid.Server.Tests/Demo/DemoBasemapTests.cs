using CivicGrid.Domain.Geography;
using CivicGrid.Server.Seeding;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace CivicGrid.Server.Tests.Demo;

/// <summary>The demo city's roads, water and landmarks are planned from the seed alone: the same at every run, and a
/// smaller scale shows a part of the same network, all of it on land.</summary>
public sealed class DemoBasemapTests
{
    [Fact]
    public void TheSameSeed_GivesTheSameBasemap_AndTheSmallCityShowsPartsOfTheCitysRoads_OnItsLand()
    {
        var small = DemoLayoutPlanner.Plan(DemoScaleProfile.For(DemoScale.Small), DemoCitySeeder.DefaultSeed);
        var first = DemoBasemap.Plan(small, DemoCitySeeder.DefaultSeed);
        var again = DemoBasemap.Plan(small, DemoCitySeeder.DefaultSeed);
        var city = DemoBasemap.Plan(DemoLayoutPlanner.Plan(DemoScaleProfile.For(DemoScale.City), DemoCitySeeder.DefaultSeed), DemoCitySeeder.DefaultSeed)
            .Where(f => f.Kind == BasemapFeatureKind.Road).ToDictionary(f => f.Name);

        Assert.Equal(first.Select(f => (f.Kind, f.Name, f.Rank, f.Geometry.AsText())), again.Select(f => (f.Kind, f.Name, f.Rank, f.Geometry.AsText())));
        var roads = first.Where(f => f.Kind == BasemapFeatureKind.Road).ToList();
        Assert.InRange(roads.Count, 20, 200);
        Assert.Equal(roads.Count, roads.Select(r => r.Name).Distinct().Count());
        Assert.Contains(roads, r => r.Name == "龙昆南路" && r.Rank == 1);
        Assert.Contains(first, f => f.Kind == BasemapFeatureKind.Water && f.Name == "琼州海峡");
        Assert.Contains(first, f => f.Kind == BasemapFeatureKind.Landmark);
        var land = UnaryUnionOp.Union(small.Communities.SelectMany(c => c.Cells).Select(c => (Geometry)DemoLattice.CellRectangle(c)).ToList()).Buffer(1e-9);
        foreach (var road in roads)
        {
            Assert.True(land.Covers(road.Geometry), $"{road.Name} leaves the land");
            Assert.True(city[road.Name].Geometry.Buffer(1e-9).Covers(road.Geometry), $"{road.Name} runs elsewhere in the city-scale plan");
        }
    }
}
