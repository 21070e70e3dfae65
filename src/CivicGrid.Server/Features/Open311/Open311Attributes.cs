using CivicGrid.Domain.Catalogue;

namespace CivicGrid.Server.Features.Open311;

/// <summary>The attributes a service asks for (services/{code}): component types take the component's 17-digit ID
/// (from its plate, optional) and what is wrong with it (condition, optional; added to the case description). Matter
/// types have none, so their metadata is false.</summary>
public static class Open311Attributes
{
    public sealed record Value(string Key, string Name, string NameEn);

    public sealed record Attribute(string Code, string Datatype, bool Required, string? DatatypeDescription, int Order,
        string Description, string DescriptionEn, IReadOnlyList<Value> Values);

    public const string ComponentId = "component_id";
    public const string Condition = "condition";

    private static readonly Attribute[] ComponentAttributes =
    [
        new(ComponentId, "string", false, "17 digits: 6-digit division + 5-digit type + 6-digit serial, as on the component's plate.", 1,
            "部件编号（见部件标牌）", "Component ID (on the component's plate)", []),
        new(Condition, "singlevaluelist", false, null, 2, "部件状况", "What is wrong with it",
        [
            new("damaged", "破损", "Damaged"),
            new("lost", "丢失", "Missing"),
            new("blocked", "被占用或遮挡", "Blocked or covered"),
            new("other", "其他", "Other"),
        ]),
    ];

    public static IReadOnlyList<Attribute> For(CatalogueKind kind) => kind == CatalogueKind.Component ? ComponentAttributes : [];
}
