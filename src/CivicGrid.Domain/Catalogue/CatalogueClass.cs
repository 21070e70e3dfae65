namespace CivicGrid.Domain.Catalogue;

/// <summary>A major class (大类) of the catalogue, e.g. component 01 市政公用设施 or matter 06 市容环境类.</summary>
public sealed class CatalogueClass
{
    public CatalogueKind Kind { get; set; }
    /// <summary>Two digits.</summary>
    public required string MajorCode { get; set; }
    public required string Name { get; set; }
    public required string NameEn { get; set; }
    /// <summary>A local extension class (扩展部件/扩展事项) rather than one of the standard's.</summary>
    public bool IsExtension { get; set; }
}
