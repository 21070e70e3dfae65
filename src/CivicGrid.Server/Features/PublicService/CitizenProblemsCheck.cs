using CivicGrid.Data;
using CivicGrid.Server.Features.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Features.PublicService;

/// <summary>Checks at start (after the catalogue is seeded, before the server listens) that every citizen problem maps
/// to a type the catalogue offers (active, with a case standard: <see cref="OfferedTypes"/>). A wrong mapping stops
/// the start: a citizen must never pick a problem that intake then refuses.</summary>
public static class CitizenProblemsCheck
{
    /// <exception cref="InvalidOperationException">The list cannot be read, or names types the catalogue does not offer.</exception>
    public static async Task EnsureValidAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var problems = services.GetRequiredService<CitizenProblems>().All;
        var db = services.GetRequiredService<CivicGridDbContext>();
        var offered = (await db.CatalogueTypes.AsNoTracking().Offered(db).Select(t => new { t.Kind, t.Code }).ToListAsync(cancellationToken))
            .Select(t => (t.Kind, t.Code)).ToHashSet();
        var wrong = problems.Where(p => !p.IsOther && !offered.Contains((p.Kind!.Value, p.TypeCode!)))
            .Select(p => $"'{p.Key}' ({p.Name}) → {p.KindCode} {p.TypeCode}").ToList();
        if (wrong.Count == 0) return;
        var source = CitizenProblems.SourceOf(services.GetRequiredService<IOptions<PublicServiceOptions>>().Value.ProblemsFile);
        throw new InvalidOperationException(
            $"The citizen problems in {source} map to types the catalogue does not offer (an active type with a case standard): "
            + $"{string.Join("; ", wrong)}. Correct the mapping or the catalogue.");
    }
}
