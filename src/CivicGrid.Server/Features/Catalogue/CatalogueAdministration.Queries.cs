using CivicGrid.Domain.Catalogue;
using CivicGrid.Server.Platform.Web.Localisation;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Catalogue;

/// <summary>What the catalogue's administration pages read (no tracking).</summary>
public sealed partial class CatalogueAdministration
{
    /// <summary>Every type (or only the active ones), by kind and code.</summary>
    public Task<List<CatalogueType>> ListTypesAsync(bool activeOnly, CancellationToken cancellationToken) =>
        db.CatalogueTypes.AsNoTracking().Where(t => !activeOnly || t.IsActive).OrderBy(t => t.Kind).ThenBy(t => t.Code).ToListAsync(cancellationToken);

    public Task<CatalogueType?> GetTypeAsync(CatalogueKind kind, string code, CancellationToken cancellationToken) =>
        db.CatalogueTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Kind == kind && t.Code == code, cancellationToken);

    public async Task<Dictionary<(CatalogueKind, string), CaseStandard>> ListStandardsAsync(CancellationToken cancellationToken) =>
        (await db.CaseStandards.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(s => (s.Kind, s.TypeCode));

    public Task<CaseStandard?> GetStandardAsync(CatalogueKind kind, string code, CancellationToken cancellationToken) =>
        db.CaseStandards.AsNoTracking().SingleOrDefaultAsync(s => s.Kind == kind && s.TypeCode == code, cancellationToken);

    /// <summary>Type names in the UI's language, keyed by <see cref="CatalogueNames.TypeKey"/>.</summary>
    public Task<IReadOnlyDictionary<string, string>> TypeNamesAsync() => CatalogueNames.TypesAsync(db);

    /// <summary>Department names in the UI's language (all departments, or the active ones a standard may name).</summary>
    public async Task<IReadOnlyDictionary<int, string>> DepartmentNamesAsync(bool activeOnly, CancellationToken cancellationToken)
    {
        if (!activeOnly) return await CatalogueNames.DepartmentsAsync(db);
        var english = UiText.CurrentLanguage == UiText.English;
        return await db.Departments.AsNoTracking().Where(d => d.IsActive).ToDictionaryAsync(d => d.Id, d => english ? d.NameEn : d.Name, cancellationToken);
    }
}
