using CivicGrid.Domain.Catalogue;

namespace CivicGrid.Server.Features.PublicService;

/// <summary>One entry of the citizens' short list (垃圾暴露, 井盖缺失/破损 …): a plain-language problem with an icon,
/// mapped to the catalogue type staff work with. <see cref="Other"/> (其他) has no type: the operator classifies it.</summary>
public sealed record CitizenProblem(string Key, string Name, string NameEn, string Icon, CatalogueKind? Kind, string? TypeCode)
{
    public const string OtherKey = "other";

    public static CitizenProblem Other { get; } = new(OtherKey, "其他", "Something else", "other", null, null);

    public bool IsOther => TypeCode is null;

    /// <summary>The request's kind field (matter, component) or null for 其他.</summary>
    public string? KindCode => Kind?.ToString().ToLowerInvariant();
}
