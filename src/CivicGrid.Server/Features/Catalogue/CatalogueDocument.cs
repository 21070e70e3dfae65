using System.Text.Json;
using System.Text.Json.Serialization;
using CivicGrid.Domain.Catalogue;

namespace CivicGrid.Server.Features.Catalogue;

/// <summary>The JSON form of the catalogue, used by the shipped standard catalogue and by import/export.</summary>
public sealed record CatalogueDocument(string? Standard, string? Note, List<CatalogueDocument.ClassEntry> Classes, List<CatalogueDocument.TypeEntry> Types)
{
    public sealed record ClassEntry(string Kind, string Major, string Name, string NameEn, bool Extension);

    public sealed record TypeEntry(string Kind, string Code, string Name, string NameEn, string? LegacyCode, bool Extension, bool Sensitive);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The classes and examples of GB/T 47678.5-2026 that ship with CivicGrid (an embedded resource).</summary>
    public static CatalogueDocument LoadStandard()
    {
        using var stream = typeof(CatalogueDocument).Assembly.GetManifestResourceStream("CivicGrid.Server.Features.Catalogue.StandardCatalogue.json")
            ?? throw new InvalidOperationException("The standard catalogue resource is missing from the build.");
        return JsonSerializer.Deserialize<CatalogueDocument>(stream, Json)!;
    }

    public static CatalogueKind ParseKind(string kind) => kind.ToLowerInvariant() switch
    {
        "component" => CatalogueKind.Component,
        "matter" => CatalogueKind.Matter,
        _ => throw new FormatException($"kind must be 'component' or 'matter' (got '{kind}')."),
    };

    public IEnumerable<CatalogueClass> ToClasses() => Classes.Select(c => new CatalogueClass
    {
        Kind = ParseKind(c.Kind), MajorCode = c.Major, Name = c.Name, NameEn = c.NameEn, IsExtension = c.Extension,
    });

    public IEnumerable<CatalogueType> ToTypes() => Types.Select(t => new CatalogueType
    {
        Kind = ParseKind(t.Kind), Code = t.Code, Name = t.Name, NameEn = t.NameEn, LegacyCode = t.LegacyCode,
        IsExtension = t.Extension, IsSensitive = t.Sensitive,
    });
}
