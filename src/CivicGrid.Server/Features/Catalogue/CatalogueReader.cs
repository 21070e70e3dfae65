using CivicGrid.Data;
using CivicGrid.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Catalogue;

/// <summary>What pages read from the catalogue: the names of types and departments in the UI's language
/// (<see cref="CatalogueNames"/>), the types intake offers (<see cref="OfferedTypes"/>) and the classes they group in.</summary>
public sealed class CatalogueReader(CivicGridDbContext db)
{
    public Task<IReadOnlyDictionary<string, string>> TypeNamesAsync() => CatalogueNames.TypesAsync(db);

    public Task<IReadOnlyDictionary<int, string>> DepartmentNamesAsync() => CatalogueNames.DepartmentsAsync(db);

    /// <summary>The types intake offers, by kind and code.</summary>
    public Task<List<CatalogueType>> OfferedTypesAsync(CancellationToken cancellationToken) =>
        db.CatalogueTypes.AsNoTracking().Offered(db).OrderBy(t => t.Kind).ThenBy(t => t.Code).ToListAsync(cancellationToken);

    public Task<bool> TypeExistsAsync(CatalogueKind kind, string code, CancellationToken cancellationToken) =>
        db.CatalogueTypes.AnyAsync(t => t.Kind == kind && t.Code == code, cancellationToken);

    /// <summary>The major classes (大类) by kind and major code.</summary>
    public async Task<Dictionary<(CatalogueKind Kind, string MajorCode), CatalogueClass>> ClassesAsync(CancellationToken cancellationToken) =>
        (await db.CatalogueClasses.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(c => (c.Kind, c.MajorCode));
}
