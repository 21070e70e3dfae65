using CivicGrid.Data;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Geography;
using CivicGrid.Server.Features.Geography;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Interchange;

/// <summary>
/// What a component row is checked against, loaded once before the import: component types, departments, grid codes,
/// districts, the grid locator's snapshot and the ids already stored. The existing ids are loaded (as 64-bit numbers,
/// 16 bytes each in the set) only when the table holds rows, so a first import of millions of rows pays nothing and a
/// duplicate is reported per row with its line instead of failing the whole batch on the primary key.
/// </summary>
public sealed class ComponentReferenceData
{
    public required Dictionary<string, bool> ComponentTypes { get; init; }
    public required Dictionary<string, int> Departments { get; init; }
    public required HashSet<string> GridCodes { get; init; }
    /// <summary>Six-digit codes a component id may start with: the districts and the cities.</summary>
    public required HashSet<string> Divisions { get; init; }
    public required HashSet<long> ExistingIds { get; init; }
    public required GridLocator.Snapshot Grids { get; init; }

    public static async Task<ComponentReferenceData> LoadAsync(CivicGridDbContext db, GridLocator locator, CancellationToken cancellationToken)
    {
        var existingIds = new HashSet<long>();
        if (await db.Components.AnyAsync(cancellationToken))
        {
            await foreach (var id in db.Components.AsNoTracking().Select(c => c.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                existingIds.Add(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        var divisions = await db.AdministrativeUnits.Where(u => u.Level == AdministrativeLevel.District).Select(u => u.Code)
            .Concat(db.Cities.Select(c => c.Code)).ToHashSetAsync(cancellationToken);
        return new ComponentReferenceData
        {
            ComponentTypes = await db.CatalogueTypes.Where(t => t.Kind == CatalogueKind.Component)
                .ToDictionaryAsync(t => t.Code, t => t.IsActive, cancellationToken),
            Departments = await db.Departments.ToDictionaryAsync(d => d.Code, d => d.Id, cancellationToken),
            GridCodes = await db.UnitGrids.Select(g => g.Code).ToHashSetAsync(cancellationToken),
            Divisions = divisions,
            ExistingIds = existingIds,
            Grids = await locator.GetSnapshotAsync(cancellationToken),
        };
    }
}
