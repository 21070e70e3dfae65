namespace CivicGrid.Domain.Catalogue;

/// <summary>A component type (部件小类) or matter type (事项小类): 2-digit major + 3-digit minor, e.g. 01003 雨水井盖.
/// Component and matter codes overlap (01001 is both 供水井盖 and 供水井盖异常), so the key is kind + code.</summary>
public sealed class CatalogueType
{
    public CatalogueKind Kind { get; set; }
    /// <summary>Five digits: major + minor.</summary>
    public required string Code { get; set; }
    public string MajorCode => Code[..2];
    public required string Name { get; set; }
    public required string NameEn { get; set; }
    /// <summary>The code of the same type in the older GB/T 30428.2, where one exists.</summary>
    public string? LegacyCode { get; set; }
    public bool IsExtension { get; set; }
    /// <summary>Positions of public reports of this type are blurred on public maps.</summary>
    public bool IsSensitive { get; set; }
    public bool IsActive { get; set; } = true;
}
