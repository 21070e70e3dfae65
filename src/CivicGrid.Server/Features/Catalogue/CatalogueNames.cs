using CivicGrid.Data;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Server.Platform.Web.Localisation;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Catalogue;

/// <summary>Names for codes shown in the UI (catalogue types, departments) in the UI's language. Component and
/// matter codes overlap, so type names are keyed by kind and code (<see cref="TypeKey"/>).</summary>
internal static class CatalogueNames
{
    public static string TypeKey(CatalogueKind? kind, string? code) => $"{kind}:{code}";

    public static async Task<IReadOnlyDictionary<string, string>> TypesAsync(CivicGridDbContext db)
    {
        var english = UiText.CurrentLanguage == UiText.English;
        return await db.CatalogueTypes.AsNoTracking()
            .ToDictionaryAsync(t => TypeKey(t.Kind, t.Code), t => english ? t.NameEn : t.Name);
    }

    public static async Task<IReadOnlyDictionary<int, string>> DepartmentsAsync(CivicGridDbContext db)
    {
        var english = UiText.CurrentLanguage == UiText.English;
        return await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => english ? d.NameEn : d.Name);
    }

    public static string TypeName(this IReadOnlyDictionary<string, string> names, CatalogueKind? kind, string? code, string unclassified) =>
        code is null ? unclassified : names.TryGetValue(TypeKey(kind, code), out var name) ? $"{name} ({code})" : code;
}
