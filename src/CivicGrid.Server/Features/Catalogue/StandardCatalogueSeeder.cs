using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Catalogue;

/// <summary>Fills an empty catalogue with the shipped standard classes and types. Existing entries are never touched.</summary>
public static class StandardCatalogueSeeder
{
    public static async Task<int> EnsureAsync(CivicGridDbContext db, CancellationToken cancellationToken)
    {
        if (await db.CatalogueTypes.AnyAsync(cancellationToken)) return 0;
        var document = CatalogueDocument.LoadStandard();
        db.CatalogueClasses.AddRange(document.ToClasses());
        var types = document.ToTypes().ToList();
        db.CatalogueTypes.AddRange(types);
        await db.SaveChangesAsync(cancellationToken);
        return types.Count;
    }
}
