using System.Collections.Frozen;
using CivicGrid.Domain.Geography;
using CivicGrid.Server.Platform.Web.Localisation;

namespace CivicGrid.Server.Features.Organisation;

/// <summary>One immutable set of place names (<see cref="PlaceNames"/> keeps the current one): district, street and
/// community names by code in the UI's language (the English name when the UI is English and the city model has one),
/// and unit grids named by their community and serial ("东山社区 · 网格 032"). A code the city model does not know is
/// shown as it is.</summary>
public sealed class PlaceNameBook
{
    public sealed record Unit(string Code, string Name, string? NameEn, AdministrativeLevel Level);

    /// <summary>A place for a picker: its code, its name and the names of the units above it.</summary>
    public sealed record Match(string Code, string Name, string? Context, AdministrativeLevel Level);

    private readonly FrozenDictionary<string, Unit> _units;

    public PlaceNameBook(IEnumerable<Unit> units) => _units = units.ToFrozenDictionary(u => u.Code, StringComparer.Ordinal);

    public IEnumerable<Unit> Units => _units.Values;

    /// <summary>The name of a district, street or community; the code itself when unknown.</summary>
    public string Name(string? code) =>
        code is null ? "—" : _units.TryGetValue(code, out var unit) ? NameOf(unit) : code;

    /// <summary>A unit grid by its community and serial, "东山社区 · 网格 032" ("Dongshan · Grid 032"); the alphanumeric
    /// GB/T 47678.3 identifiers have no serial and keep their code.</summary>
    public string Grid(string? gridCode)
    {
        if (gridCode is null) return "—";
        var community = gridCode.Length > 12 && _units.TryGetValue(gridCode[..12], out var unit) ? NameOf(unit) : null;
        var label = English ? $"Grid {Serial(gridCode)}" : $"网格 {Serial(gridCode)}";
        return community is null ? label : $"{community} · {label}";
    }

    /// <summary>Where a case lies, from the street down: "德瑞街道 · 东山社区 · 网格 032" (the district is named apart).</summary>
    public string Chain(string? gridCode, string? communityCode, string? streetCode)
    {
        var parts = new List<string>();
        if (streetCode is not null) parts.Add(Name(streetCode));
        if (communityCode is not null) parts.Add(Name(communityCode));
        if (gridCode is not null) parts.Add(English ? $"Grid {Serial(gridCode)}" : $"网格 {Serial(gridCode)}");
        return parts.Count == 0 ? "—" : string.Join(" · ", parts);
    }

    /// <summary>An area a routing rule or a scope names: a district, street or community by name with the units above
    /// it ("龙华区 · 德瑞街道"), a grid or grid prefix by its community; null stays null (the caller says "whole city").</summary>
    public string? Area(string? code)
    {
        if (code is null) return null;
        if (code.Length > 12) return $"{Path(code[..12])} · {(English ? "Grid" : "网格")} {Serial(code)}";
        return Path(code);
    }

    /// <summary>Districts, streets and communities whose name or code contains <paramref name="query"/>, districts first.</summary>
    public IReadOnlyList<Match> Search(string? query, int limit)
    {
        var text = query?.Trim() ?? "";
        return _units.Values
            .Where(u => text.Length == 0 || u.Code.StartsWith(text, StringComparison.Ordinal) || u.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
                || (u.NameEn?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false))
            .OrderBy(u => u.Level).ThenBy(u => u.Code, StringComparer.Ordinal).Take(limit)
            .Select(u => new Match(u.Code, NameOf(u), Parents(u.Code), u.Level)).ToList();
    }

    private string Path(string code) => Parents(code) is { } parents ? $"{parents} · {Name(code)}" : Name(code);

    private string? Parents(string code)
    {
        var parents = code.Length switch { 12 => new[] { code[..6], code[..9] }, 9 => [code[..6]], _ => [] };
        return parents.Length == 0 ? null : string.Join(" · ", parents.Select(Name));
    }

    private static string Serial(string gridCode) =>
        gridCode.Length is 14 or 15 && gridCode.All(char.IsAsciiDigit) ? gridCode[12..] : gridCode;

    private static bool English => UiText.CurrentLanguage == UiText.English;

    private static string NameOf(Unit unit) => English && !string.IsNullOrEmpty(unit.NameEn) ? unit.NameEn : unit.Name;
}
