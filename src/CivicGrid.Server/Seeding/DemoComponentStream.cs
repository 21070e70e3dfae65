using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Components;
using CivicGrid.Domain.Geography;

namespace CivicGrid.Server.Seeding;

/// <summary>Generates the components of a planned city lazily, grid by grid, so that ten million of them stream
/// into the database without ever being held in memory. Each point lies strictly inside its grid; serials count
/// per district and type; departments follow <see cref="DemoComponentKinds"/>.</summary>
internal sealed class DemoComponentStream(
    DemoLayout layout, DemoDepartmentDirectory departments, IReadOnlyDictionary<string, string> typeNames, DateTimeOffset now)
{
    /// <summary>Keeps points 2 % of the grid's width away from its edges.</summary>
    private const double Margin = 0.02;
    private const string Census = "普查";

    private readonly IReadOnlyList<DemoComponentKind> _kinds = DemoComponentKinds.All;

    public IEnumerable<Component> Generate(int seed)
    {
        var random = new Random(seed);
        var urban = Cumulative(k => k.UrbanWeight);
        var rural = Cumulative(k => k.RuralWeight);
        var names = _kinds.Select(k => typeNames.TryGetValue(k.TypeCode, out var name)
            ? name : throw new InvalidOperationException($"The catalogue has no component type {k.TypeCode}.")).ToArray();
        var types = _kinds.Select(k => CatalogueCode.Parse(k.TypeCode)).ToArray();
        var owners = Resolve();
        var serials = new int[DemoCity.Districts.Count, _kinds.Count];
        foreach (var grid in layout.Grids)
        {
            var district = grid.District.Index;
            var divisionCode = DivisionCode.Parse(grid.District.Code);
            for (var i = 0; i < grid.ComponentCount; i++)
            {
                var kind = Pick(grid.IsBuiltUp ? urban : rural, random.NextDouble());
                var serial = ++serials[district, kind];
                var (competent, owner, maintainer) = owners[kind, district];
                var age = TimeSpan.FromDays(random.Next(30, 3650)) + TimeSpan.FromSeconds(random.Next(86_400));
                var created = now - age;
                yield return new Component
                {
                    Id = ComponentId.For(divisionCode, types[kind], serial).Value,
                    CityCode = DemoCity.CityCode,
                    TypeCode = _kinds[kind].TypeCode,
                    Name = names[kind],
                    GridCode = grid.Code,
                    Longitude = Inside(DemoLattice.Longitude(grid.West), DemoLattice.Longitude(grid.East), random.NextDouble()),
                    Latitude = Inside(DemoLattice.Latitude(grid.South), DemoLattice.Latitude(grid.North), random.NextDouble()),
                    CompetentDepartmentId = competent,
                    OwnerDepartmentId = owner,
                    MaintainerDepartmentId = maintainer,
                    Status = Status(random.NextDouble()),
                    CreatedAt = created,
                    ChangedAt = created + TimeSpan.FromDays(random.Next((int)age.TotalDays)),
                    Source = Census,
                };
            }
        }
    }

    /// <summary>A coordinate strictly between two edges, rounded to 1e-7° (≈ 1 cm), far inside the 2 % margin.</summary>
    private static double Inside(double low, double high, double fraction) =>
        Math.Round(low + (Margin + (1 - 2 * Margin) * fraction) * (high - low), 7);

    /// <summary>95.5 % intact, 3 % damaged, 1 % lost, 0.5 % abandoned.</summary>
    private static ComponentStatus Status(double draw) => draw switch
    {
        < 0.955 => ComponentStatus.Intact,
        < 0.985 => ComponentStatus.Damaged,
        < 0.995 => ComponentStatus.Lost,
        _ => ComponentStatus.Abandoned,
    };

    private double[] Cumulative(Func<DemoComponentKind, double> weight)
    {
        var total = _kinds.Sum(weight);
        var sums = new double[_kinds.Count];
        double running = 0;
        for (var i = 0; i < sums.Length; i++) sums[i] = (running += weight(_kinds[i])) / total;
        return sums;
    }

    private static int Pick(double[] cumulative, double draw)
    {
        var index = Array.BinarySearch(cumulative, draw);
        index = index < 0 ? ~index : index + 1;
        return Math.Min(index, cumulative.Length - 1);
    }

    private (int? Competent, int? Owner, int? Maintainer)[,] Resolve()
    {
        var resolved = new (int?, int?, int?)[_kinds.Count, DemoCity.Districts.Count];
        for (var k = 0; k < _kinds.Count; k++)
        {
            foreach (var district in DemoCity.Districts)
            {
                int? Id(string code) => code.Length == 0 ? null : departments[code.Replace("{d}", district.Code, StringComparison.Ordinal)];
                resolved[k, district.Index] = (Id(_kinds[k].Competent), Id(_kinds[k].Owner), Id(_kinds[k].Maintainer));
            }
        }

        return resolved;
    }
}
