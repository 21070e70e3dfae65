using System.Text.Json;
using CivicGrid.Server.Features.Catalogue;
using CivicGrid.Server.Platform.Web.Localisation;

namespace CivicGrid.Server.Features.Map;

/// <summary>The words the case maps' scripts put beside the data (popup labels, light names) and the type classes'
/// names, handed to the page as JSON data attributes so the scripts carry no language of their own.</summary>
public static class MapLabels
{
    public static string Json(UiText t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["type"] = t["map.popup.type"], ["place"] = t["map.popup.place"], ["department"] = t["map.popup.department"],
            ["deadline"] = t["map.popup.deadline"], ["open"] = t["map.popup.open"], ["noDepartment"] = t["map.popup.noDepartment"],
            ["noDeadline"] = t["map.popup.noDeadline"], ["otherClasses"] = t["map.legend.other"],
            ["red"] = t["DeadlineLight.Red"], ["yellow"] = t["DeadlineLight.Yellow"], ["green"] = t["DeadlineLight.Green"],
        });
    }

    /// <summary>Class names keyed as case-markers.js keys them: "matter:01".</summary>
    public static async Task<string> ClassNamesAsync(CatalogueReader catalogue, bool english)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var classes = await catalogue.ClassesAsync(default);
        return JsonSerializer.Serialize(classes.ToDictionary(c => $"{c.Key.Kind.ToString().ToLowerInvariant()}:{c.Key.MajorCode}",
            c => english ? c.Value.NameEn : c.Value.Name));
    }
}
