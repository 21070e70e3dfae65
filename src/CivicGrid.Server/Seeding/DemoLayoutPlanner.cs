namespace CivicGrid.Server.Seeding;

/// <summary>Plans the whole city from a scale and a seed, deterministically and without touching the database:
/// land and built-up cells, then streets and communities by recursive bisection, then unit grids.</summary>
internal static class DemoLayoutPlanner
{
    public static DemoLayout Plan(DemoScaleProfile profile, int seed)
    {
        var random = new Random(seed);
        var cellsByDistrict = DemoLand.CellsByDistrict(profile, random);
        var names = new DemoNames(random);
        var districts = new List<DemoDistrictPlan>();
        foreach (var district in DemoCity.Districts)
        {
            var communitiesPerStreet = Distribute(profile.CommunitiesPerDistrict[district.Index], profile.StreetsPerDistrict[district.Index]);
            var streetCells = DemoPartition.Split(cellsByDistrict[district.Index], communitiesPerStreet);
            var streets = new List<DemoStreetPlan>();
            for (var s = 0; s < streetCells.Count; s++)
            {
                var streetCode = district.Code + (s + 1).ToString("D3");
                var (streetName, streetNameEn) = names.Street(urban: streetCells[s].Any(c => c.IsBuiltUp));
                var communityCells = DemoPartition.Split(streetCells[s], Enumerable.Repeat(1, communitiesPerStreet[s]).ToArray());
                var communities = new List<DemoCommunityPlan>();
                for (var k = 0; k < communityCells.Count; k++)
                {
                    var communityCode = streetCode + (k + 1).ToString("D3");
                    var (name, nameEn) = names.Community(urban: communityCells[k].Any(c => c.IsBuiltUp));
                    var grids = DemoGridPlanner.Plan(profile, district, streetCode, communityCode, communityCells[k], random);
                    communities.Add(new DemoCommunityPlan(communityCode, name, nameEn, communityCells[k], grids));
                }

                streets.Add(new DemoStreetPlan(district, streetCode, streetName, streetNameEn, communities));
            }

            districts.Add(new DemoDistrictPlan(district, streets));
        }

        return new DemoLayout(districts);
    }

    /// <summary>Spreads <paramref name="total"/> as evenly as possible over <paramref name="parts"/>, the first parts taking the remainder.</summary>
    private static int[] Distribute(int total, int parts) =>
        Enumerable.Range(0, parts).Select(i => total / parts + (i < total % parts ? 1 : 0)).ToArray();
}
