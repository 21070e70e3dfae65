using System.Globalization;
using CivicGrid.Data;
using CivicGrid.Domain.Evaluation;
using CivicGrid.Server.Platform.Web.Localisation;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Evaluation;

/// <summary>The drill-down's rows with the names a person reads (type, department, place), and their orders. Every case
/// behind the figure is read and sorted before paging, so a sort runs over all pages (a month of a city: thousands).</summary>
internal sealed class DrillDownRows(CivicGridDbContext db)
{
    public async Task<List<DrillDownCase>> ReadAsync(IReadOnlyList<(long CaseId, DateTimeOffset At)> latest, IReadOnlySet<long> lateIds,
        CancellationToken cancellationToken)
    {
        var wanted = latest.Select(l => l.CaseId).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => wanted.Contains(c.Id))
            .Select(c => new { c.Id, c.Number, c.Status, c.Channel, c.Kind, c.TypeCode, c.DistrictCode, c.StreetCode, c.CommunityCode, c.GridCode, c.DepartmentId, c.CreatedAt, c.ClosedAt })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var divisions = cases.Values.SelectMany(c => new[] { c.StreetCode, c.CommunityCode }).OfType<string>().Distinct().ToList();
        // Names in the UI's language (the English names of the catalogue, the organisation and the divisions, where given).
        var english = UiText.CurrentLanguage == UiText.English;
        var places = await db.AdministrativeUnits.AsNoTracking().Where(u => divisions.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code, u => english ? u.NameEn ?? u.Name : u.Name, StringComparer.Ordinal, cancellationToken);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => english ? d.NameEn : d.Name, cancellationToken);
        var types = (await db.CatalogueTypes.AsNoTracking().Select(t => new { t.Kind, t.Code, t.Name, t.NameEn }).ToListAsync(cancellationToken))
            .ToDictionary(t => $"{t.Kind}:{t.Code}", t => english ? t.NameEn : t.Name, StringComparer.Ordinal);
        return latest.Where(l => cases.ContainsKey(l.CaseId)).Select(l =>
        {
            var c = cases[l.CaseId];
            var type = c.Kind is { } k && c.TypeCode is { } t ? $"{k}:{t}" : null;
            var place = string.Join(" · ", new[] { c.StreetCode, c.CommunityCode }.OfType<string>().Select(code => places.GetValueOrDefault(code, code)));
            return new DrillDownCase(c.Id, c.Number, c.Status, c.Channel, type, c.DistrictCode, c.GridCode, c.DepartmentId, c.CreatedAt, c.ClosedAt, l.At,
                type is null ? null : types.GetValueOrDefault(type, type),
                c.DepartmentId is { } d ? departments.GetValueOrDefault(d) : null,
                place.Length == 0 ? null : place,
                !lateIds.Contains(c.Id));
        }).ToList();
    }

    /// <summary>Sorted by <paramref name="sort"/> (names in the Chinese collation order of the invariant culture's
    /// comparer, then by case number), the case id last, so a page never shifts between requests.</summary>
    public static IEnumerable<DrillDownCase> Sort(IEnumerable<DrillDownCase> rows, DrillDownSort sort, bool descending)
    {
        var names = StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), CompareOptions.None);
        IOrderedEnumerable<DrillDownCase> By<TKey>(Func<DrillDownCase, TKey> key, IComparer<TKey>? comparer = null) =>
            descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer);
        var ordered = sort switch
        {
            DrillDownSort.Number => By(r => r.Number, StringComparer.Ordinal),
            DrillDownSort.Type => By(r => r.TypeName ?? "", names),
            DrillDownSort.Department => By(r => r.DepartmentName ?? "", names),
            DrillDownSort.Place => By(r => r.Place ?? "", names),
            DrillDownSort.OnTime => By(r => r.OnTime),
            DrillDownSort.Status => By(r => (int)r.Status),
            DrillDownSort.Created => By(r => r.CreatedAt),
            _ => By(r => r.EventAt),
        };
        return descending ? ordered.ThenByDescending(r => r.Id) : ordered.ThenBy(r => r.Id);
    }

    public static string Code(DrillDownSort sort) => sort switch
    {
        DrillDownSort.OnTime => "ontime",
        _ => sort.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string? text, out DrillDownSort sort)
    {
        sort = DrillDownSort.Event;
        if (string.IsNullOrWhiteSpace(text)) return true;
        foreach (var candidate in Enum.GetValues<DrillDownSort>())
        {
            if (!string.Equals(Code(candidate), text.Trim(), StringComparison.OrdinalIgnoreCase)) continue;
            sort = candidate;
            return true;
        }
        return false;
    }
}
