using CivicGrid.Data;
using CivicGrid.Server.Features.Catalogue;
using CivicGrid.Server.Features.Organisation;
using CivicGrid.Server.Platform.Web.Localisation;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Cases;

/// <summary>The dispatch suggestion as the API returns it and the case page shows it: the department by name and why,
/// in the caller's language ("依据：部件权属", "依据：路由规则 #3（龙华区 · 暴露垃圾）").</summary>
public sealed record DepartmentSuggestionDto(int DepartmentId, string DepartmentName, string Basis, int? RuleId, string Explanation);

/// <summary>Puts a <see cref="RoutingSuggestion"/> into words.</summary>
public sealed class RoutingExplanation(CivicGridDbContext db, ReferenceCache reference, PlaceNames places, UiText text)
{
    public async Task<DepartmentSuggestionDto?> DescribeAsync(RoutingSuggestion? suggestion, Domain.Cases.Case @case, CancellationToken cancellationToken)
    {
        if (suggestion is null) return null;
        var snapshot = await reference.GetAsync();
        var english = UiText.CurrentLanguage == UiText.English;
        var name = snapshot.Departments.TryGetValue(suggestion.DepartmentId, out var department)
            ? english ? department.NameEn : department.Name
            : suggestion.DepartmentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var book = await places.GetAsync(cancellationToken);
        var explanation = suggestion.Basis switch
        {
            RoutingBasis.RoutingRule => await RuleAsync(suggestion.RuleId!.Value, snapshot, book, english, cancellationToken),
            RoutingBasis.DistrictUnit => text.Format("routing.basis.DistrictUnit", book.Name(@case.DistrictCode)),
            _ => text["routing.basis." + suggestion.Basis],
        };
        return new DepartmentSuggestionDto(suggestion.DepartmentId, name, suggestion.Basis.ToString(), suggestion.RuleId, explanation);
    }

    private async Task<string> RuleAsync(int ruleId, ReferenceCache.Snapshot snapshot, PlaceNameBook book, bool english, CancellationToken cancellationToken)
    {
        var rule = await db.RoutingRules.AsNoTracking().SingleAsync(r => r.Id == ruleId, cancellationToken);
        var type = rule.TypeCode is null ? text["routing.anytype"]
            : rule.Kind is { } kind && snapshot.Types.TryGetValue((kind, rule.TypeCode), out var t) ? (english ? t.NameEn : t.Name) : rule.TypeCode;
        return text.Format("routing.basis.RoutingRule", rule.Id, book.Area(rule.AreaCode) ?? text["routing.wholecity"], type);
    }
}
