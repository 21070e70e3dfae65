using System.Text.Json;
using CivicGrid.Server.Platform.Web.Localisation;

namespace CivicGrid.Server.Features.PublicService;

/// <summary>The kinds of places the place search finds (roads, landmarks, communities…), named in the page's
/// language for wwwroot/js/place-picker.js (a data-kinds attribute of the search box).</summary>
public static class PlaceKinds
{
    private static readonly string[] Kinds = ["road", "landmark", "community", "street", "district", "water"];

    public static string Names(UiText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return JsonSerializer.Serialize(Kinds.ToDictionary(k => k, k => text["place.kind." + k]));
    }
}
