using CivicGrid.Data;
using CivicGrid.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Catalogue;

/// <summary>Which catalogue types intake offers: the active ones that have a case standard (立结案标准), since
/// registering and closing a case need one (docs/domain/catalogue.md §9). Open311's service list, the catalogue's type list and the
/// staff and public pickers show only these, and intake refuses any other type (docs/adr/0014).</summary>
public static class OfferedTypes
{
    public static IQueryable<CatalogueType> Offered(this IQueryable<CatalogueType> types, CivicGridDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return types.Where(t => t.IsActive && db.CaseStandards.Any(s => s.Kind == t.Kind && s.TypeCode == t.Code));
    }

    /// <summary>Gives every type without a case standard the shipped one, where its class has one
    /// (<see cref="ShippedCaseStandards"/>); returns how many it added. Types of other classes stay without.</summary>
    public static async Task<int> FillMissingStandardsAsync(CivicGridDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var missing = await db.CatalogueTypes.AsNoTracking()
            .Where(t => !db.CaseStandards.Any(s => s.Kind == t.Kind && s.TypeCode == t.Code))
            .Select(t => new { t.Kind, t.Code, t.Name })
            .ToListAsync(cancellationToken);
        var standards = missing.Select(t => ShippedCaseStandards.For(t.Kind, t.Code, t.Name)).OfType<CaseStandard>().ToList();
        if (standards.Count == 0) return 0;
        db.CaseStandards.AddRange(standards);
        await db.SaveChangesAsync(cancellationToken);
        return standards.Count;
    }

    /// <summary>Active types that are not offered because they have no case standard, as service codes (C01003, M80091).</summary>
    public static async Task<List<string>> WithoutStandardAsync(CivicGridDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var types = await db.CatalogueTypes.AsNoTracking()
            .Where(t => t.IsActive && !db.CaseStandards.Any(s => s.Kind == t.Kind && s.TypeCode == t.Code))
            .OrderBy(t => t.Kind).ThenBy(t => t.Code)
            .Select(t => new { t.Kind, t.Code })
            .ToListAsync(cancellationToken);
        return types.Select(t => (t.Kind == CatalogueKind.Component ? "C" : "M") + t.Code).ToList();
    }
}
