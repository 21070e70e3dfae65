using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Catalogue;

/// <summary>Fills an empty catalogue with the shipped standard classes and types, then gives every type without a
/// case standard the shipped one for its class (<see cref="ShippedCaseStandards"/>). Existing entries are never touched.</summary>
public static class StandardCatalogueSeeder
{
    public static async Task<int> EnsureAsync(CivicGridDbContext db, CancellationToken cancellationToken)
    {
        var added = 0;
        if (!await db.CatalogueTypes.AnyAsync(cancellationToken))
        {
            var document = CatalogueDocument.LoadStandard();
            db.CatalogueClasses.AddRange(document.ToClasses());
            var types = document.ToTypes().ToList();
            db.CatalogueTypes.AddRange(types);
            await db.SaveChangesAsync(cancellationToken);
            added = types.Count;
        }
        await OfferedTypes.FillMissingStandardsAsync(db, cancellationToken);
        return added;
    }
}
