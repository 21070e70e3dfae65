namespace CivicGrid.Domain.Catalogue;

/// <summary>An administrator's dispatch rule (派遣规则): cases of a type (or any type) in an area (a district, street,
/// community or grid code prefix; or the whole city) go to a department. The most specific matching rule wins
/// (a named type before any type, a longer area code before a shorter one, then the higher priority); without a
/// matching rule, the case standard's rule applies.</summary>
public sealed class RoutingRule
{
    public int Id { get; set; }
    public required string CityCode { get; set; }
    public CatalogueKind? Kind { get; set; }
    /// <summary>Null: any type.</summary>
    public string? TypeCode { get; set; }
    /// <summary>A prefix of the case's grid or community code (6, 9, 12 or 14–15 characters); null: the whole city.</summary>
    public string? AreaCode { get; set; }
    public int DepartmentId { get; set; }
    public int Priority { get; set; }
    public bool IsActive { get; set; } = true;

    public bool Matches(CatalogueKind? kind, string? typeCode, string? gridCode, string? communityCode) =>
        IsActive
        && (TypeCode is null || (Kind == kind && TypeCode == typeCode))
        && (AreaCode is null
            || (gridCode?.StartsWith(AreaCode, StringComparison.Ordinal) ?? false)
            || (communityCode?.StartsWith(AreaCode, StringComparison.Ordinal) ?? false));

    /// <summary>Higher is more specific.</summary>
    public (int Type, int Area, int Priority) Specificity => (TypeCode is null ? 0 : 1, AreaCode?.Length ?? 0, Priority);
}
