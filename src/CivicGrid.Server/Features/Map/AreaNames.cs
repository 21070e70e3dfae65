using System.Runtime.CompilerServices;
using CivicGrid.Server.Features.Geography;

namespace CivicGrid.Server.Features.Map;

/// <summary>Names of the districts, streets and communities by code, from the city model in memory
/// (<see cref="CityPlaces"/>), so the map and the command centre say "龙华区 · 中山街道 · 东湖社区" where a case
/// row holds only codes (docs/domain: the grid → community → street → district chain). Rebuilt with the snapshot.</summary>
public sealed class AreaNames(CityPlaces places)
{
    private static readonly ConditionalWeakTable<PlaceSnapshot, IReadOnlyDictionary<string, string>> Built = new();

    public async Task<Lookup> GetAsync(CancellationToken cancellationToken)
    {
        var snapshot = await places.GetSnapshotAsync(cancellationToken);
        return new Lookup(Built.GetValue(snapshot, s => s.Units.GroupBy(u => u.Code).ToDictionary(g => g.Key, g => g.First().Name)));
    }

    /// <summary>Looks names up; a code without a name stays the code (an import may have left it unnamed).</summary>
    public sealed class Lookup(IReadOnlyDictionary<string, string> names)
    {
        public string? Name(string? code) => code is null ? null : names.GetValueOrDefault(code, code);

        /// <summary>Street and community, the place a person on duty knows a case by; the district when nothing finer is known.</summary>
        public string? Place(string? districtCode, string? streetCode, string? communityCode)
        {
            var parts = new[] { streetCode, communityCode }.Where(c => c is not null).Select(Name).ToList();
            return parts.Count > 0 ? string.Join(" · ", parts) : Name(districtCode);
        }
    }
}
