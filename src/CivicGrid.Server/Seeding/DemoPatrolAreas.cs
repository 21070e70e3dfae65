namespace CivicGrid.Server.Seeding;

/// <summary>A planned responsibility grid (责任网格): neighbouring unit grids of one street that one inspector patrols.</summary>
internal sealed record DemoPatrolArea(string Code, string Name, DemoStreetPlan Street, IReadOnlyList<DemoGridPlan> Grids)
{
    public int BuiltUpGrids => Grids.Count(g => g.IsBuiltUp);
}

/// <summary>Groups each street's unit grids, in serial order (so neighbours stay together), into patrol areas of
/// about <see cref="DemoScaleProfile.PatrolAreaSize"/> grids, and picks the areas that get a demo inspector.</summary>
internal static class DemoPatrolAreas
{
    public static List<DemoPatrolArea> Plan(DemoLayout layout, int targetSize)
    {
        var areas = new List<DemoPatrolArea>();
        foreach (var street in layout.Streets)
        {
            var grids = street.Communities.SelectMany(c => c.Grids).ToList();
            var count = Math.Max(1, (int)Math.Round((double)grids.Count / targetSize));
            for (var i = 0; i < count; i++)
            {
                var first = grids.Count * i / count;
                var end = grids.Count * (i + 1) / count;
                areas.Add(new DemoPatrolArea($"{street.Code}-{i + 1:D3}", $"{street.Name}第{i + 1}责任网格", street, grids[first..end]));
            }
        }

        return areas;
    }

    /// <summary>The areas that get an inspector, in the order the inspectors are created: the area holding
    /// <see cref="DemoCity.CentrePoint"/> first (the user "inspector"), then the most built-up areas.</summary>
    public static List<DemoPatrolArea> ChooseForInspectors(IReadOnlyList<DemoPatrolArea> areas, int maxInspectors)
    {
        var x = (int)Math.Floor((DemoCity.CentrePoint.Longitude - DemoLattice.WestLongitude) / DemoLattice.FineLongitudeStep);
        var y = (int)Math.Floor((DemoCity.CentrePoint.Latitude - DemoLattice.SouthLatitude) / DemoLattice.FineLatitudeStep);
        var centre = areas.First(a => a.Grids.Any(g => g.West <= x && x < g.East && g.South <= y && y < g.North));
        return [centre, .. areas.Where(a => !ReferenceEquals(a, centre))
            .OrderByDescending(a => a.BuiltUpGrids).ThenBy(a => a.Code, StringComparer.Ordinal)
            .Take(maxInspectors - 1)];
    }
}
