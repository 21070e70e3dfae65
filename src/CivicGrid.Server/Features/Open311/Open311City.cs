using CivicGrid.Server.Platform.Runtime;
using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Open311;

/// <summary>The jurisdiction this server answers for: the city (its GB/T 2260 code is the jurisdiction_id) and its
/// time zone. jurisdiction_id is optional; a given one that is not a city here is 404.
/// Every Open311 request asks, so a city found is kept for half a minute (<see cref="Cities"/>); one not found is not.</summary>
public sealed class Open311City(CivicGridDbContext db, Open311City.Cities cache)
{
    public sealed record Jurisdiction(string Code, string Name, Open311Dates Dates);

    /// <summary>The cities found recently, by the jurisdiction_id asked for ("" for none). A city's code, name and time
    /// zone do not change while it has cases.</summary>
    public sealed class Cities() : ShortLivedCache<string, Jurisdiction?>(TimeSpan.FromSeconds(30));

    /// <summary>The city named by <paramref name="jurisdictionId"/> (or the first city when it is missing), or null.</summary>
    public ValueTask<Jurisdiction?> FindAsync(string? jurisdictionId, CancellationToken cancellationToken) =>
        cache.GetOrReadAsync(jurisdictionId ?? "", (db, jurisdictionId),
            static (read, token) => ReadAsync(read.db, read.jurisdictionId, token), static found => found is not null,
            100, cancellationToken);

    private static async Task<Jurisdiction?> ReadAsync(CivicGridDbContext db, string? jurisdictionId, CancellationToken cancellationToken)
    {
        var query = db.Cities.AsNoTracking();
        if (!string.IsNullOrEmpty(jurisdictionId)) query = query.Where(c => c.Code == jurisdictionId);
        var city = await query.OrderBy(c => c.Code).FirstOrDefaultAsync(cancellationToken);
        return city is null ? null : new Jurisdiction(city.Code, city.Name, new Open311Dates(Open311Dates.FindZone(city.TimeZoneId)));
    }

    public static string UnknownJurisdiction(string? jurisdictionId) =>
        string.IsNullOrEmpty(jurisdictionId)
            ? "No city is set up on this server yet."
            : $"jurisdiction_id '{jurisdictionId}' is not served here.";
}
