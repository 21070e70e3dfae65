namespace CivicGrid.Server.Features.Geography;

/// <summary>The optional raster basemap of every map page ("Map" section), passed to wwwroot/js/maps.js as data
/// attributes of the map element: <c>Map:TileUrl</c> (an XYZ template), <c>Map:TileSubdomains</c> (what {s} takes,
/// e.g. "01234567" for Tianditu, "1234" for AMap), <c>Map:TileOverlayUrl</c> (a second layer drawn on top, e.g.
/// Tianditu's labels), <c>Map:TileCrs</c> (wgs84 — also CGCS2000/Tianditu — or gcj02 for AMap and Tencent: the map then
/// projects through GCJ-02 so WGS-84 data lands on the right pixel) and <c>Map:TileAttribution</c>. Without a tile URL
/// the maps draw the city's own basemap (/api/public/basemap). See docs/operations.md.</summary>
public static class MapTileSettings
{
    public static IReadOnlyDictionary<string, object> Attributes(IConfiguration configuration)
    {
        var attributes = new Dictionary<string, object>(StringComparer.Ordinal);
        void Add(string attribute, string key)
        {
            if (configuration[key] is { Length: > 0 } value) attributes[attribute] = value;
        }
        Add("data-tiles", "Map:TileUrl");
        Add("data-tiles-subdomains", "Map:TileSubdomains");
        Add("data-tiles-overlay", "Map:TileOverlayUrl");
        Add("data-tiles-crs", "Map:TileCrs");
        Add("data-attribution", "Map:TileAttribution");
        return attributes;
    }
}
