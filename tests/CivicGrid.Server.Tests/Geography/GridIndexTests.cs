using CivicGrid.Server.Features.Geography;
using NetTopologySuite.Geometries;

namespace CivicGrid.Server.Tests.Geography;

public sealed class GridIndexTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private static Polygon Box(double x0, double y0, double x1, double y1, params LinearRing[] holes) =>
        Factory.CreatePolygon(Factory.CreateLinearRing([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]), holes);

    private static LinearRing Ring(double x0, double y0, double x1, double y1) =>
        Factory.CreateLinearRing([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]);

    [Fact]
    public void TryFind_InsideOneOfManyPolygons_ReturnsItsValue()
    {
        var index = new GridIndex<string>(Enumerable.Range(0, 100).Select(i => ((Geometry)Box(i % 10, i / 10, i % 10 + 1, i / 10 + 1), $"g{i}")));
        Assert.True(index.TryFind(3.5, 7.5, out var value));
        Assert.Equal("g73", value);
        Assert.False(index.TryFind(10.5, 5, out _));
        Assert.False(index.TryFind(-0.1, 5, out _));
    }

    [Fact]
    public void TryFind_InAHole_IsOutside_AndInsideTheHolesFillingPolygon_FindsThatOne()
    {
        var index = new GridIndex<string>([
            (Box(0, 0, 10, 10, Ring(4, 4, 6, 6)), "donut"),
            (Box(4, 4, 6, 6), "island"),
        ]);
        Assert.True(index.TryFind(5, 5, out var inHole));
        Assert.Equal("island", inHole);
        Assert.True(index.TryFind(1, 1, out var inRing));
        Assert.Equal("donut", inRing);
    }

    [Fact]
    public void TryFind_InEitherPartOfAMultiPolygon_FindsIt()
    {
        var index = new GridIndex<int>([(Factory.CreateMultiPolygon([Box(0, 0, 1, 1), Box(5, 5, 6, 6)]), 42)]);
        Assert.True(index.TryFind(5.5, 5.5, out var value));
        Assert.Equal(42, value);
        Assert.False(index.TryFind(3, 3, out _));
    }

    [Fact]
    public void TryFind_OnASharedEdge_BelongsToExactlyOneGrid()
    {
        var left = new GridIndex<string>([(Box(0, 0, 1, 1), "left")]);
        var right = new GridIndex<string>([(Box(1, 0, 2, 1), "right")]);
        var hits = (left.TryFind(1, 0.5, out _) ? 1 : 0) + (right.TryFind(1, 0.5, out _) ? 1 : 0);
        Assert.Equal(1, hits);
    }

    [Fact]
    public void TryFind_WithPolygonsOfVeryDifferentSizes_FindsSmallAndLarge()
    {
        var items = new List<(Geometry, string)> { (Box(0, 0, 100, 100, Ring(10, 10, 11, 11)), "rural") };
        for (var i = 0; i < 10; i++) items.Add((Box(10 + i * 0.1, 10, 10.1 + i * 0.1, 10.1), $"urban{i}"));
        var index = new GridIndex<string>(items);
        Assert.True(index.TryFind(10.55, 10.05, out var urban));
        Assert.Equal("urban5", urban);
        Assert.True(index.TryFind(90, 90, out var rural));
        Assert.Equal("rural", rural);
    }

    [Fact]
    public void TryFind_OnAnEmptyIndex_FindsNothing() =>
        Assert.False(new GridIndex<string>([]).TryFind(0, 0, out _));
}
