using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Simplify;

namespace CivicGrid.Server.Features.Map;

/// <summary>One area of a map layer: an administrative unit or a unit grid with its WGS-84 boundary.</summary>
public sealed record MapArea(string Code, string Name, Geometry Boundary, string? CommunityCode = null, bool? BuiltUp = null);

/// <summary>The areas of one level behind an STR-tree, with each area's GeoJSON feature rendered once per zoom level
/// (simplified to about a screen pixel at that zoom with <see cref="TopologyPreservingSimplifier"/>) and kept: a
/// viewport answer is then a tree query and a copy of ready bytes. Immutable apart from that cache; thread-safe.</summary>
public sealed class MapAreaLayer
{
    /// <summary>Cache slot of the unsimplified features (no zoom given).</summary>
    private const int FullDetail = MapViewport.MaxZoom + 1;

    private readonly MapAreaLevel _level;
    private readonly MapArea[] _areas;
    private readonly STRtree<int> _tree = new();
    private readonly byte[]?[][] _features;

    public MapAreaLayer(MapAreaLevel level, IEnumerable<MapArea> areas)
    {
        _level = level;
        _areas = areas.OrderBy(a => a.Code, StringComparer.Ordinal).ToArray();
        for (var i = 0; i < _areas.Length; i++) _tree.Insert(_areas[i].Boundary.EnvelopeInternal, i);
        _tree.Build();
        _features = Enumerable.Range(0, FullDetail + 1).Select(_ => new byte[]?[_areas.Length]).ToArray();
    }

    public int Count => _areas.Length;

    /// <summary>The indexes (in code order) of the areas whose boundary intersects the viewport.</summary>
    public List<int> Intersecting(MapViewport viewport)
    {
        var envelope = new Envelope(viewport.MinLongitude, viewport.MaxLongitude, viewport.MinLatitude, viewport.MaxLatitude);
        var rectangle = _areas.Length == 0 ? null : _areas[0].Boundary.Factory.ToGeometry(envelope);
        var hits = _tree.Query(envelope).Where(i => rectangle!.Intersects(_areas[i].Boundary)).ToList();
        hits.Sort();
        return hits;
    }

    /// <summary>The GeoJSON Feature of an area, simplified for <paramref name="zoom"/> (null: full detail).</summary>
    public ReadOnlySpan<byte> Feature(int index, int? zoom)
    {
        var slot = zoom ?? FullDetail;
        return _features[slot][index] ??= Render(_areas[index], zoom);
    }

    /// <summary>Degrees per screen pixel at a zoom level (256-pixel Web-Mercator tiles, at the equator).</summary>
    public static double PixelDegrees(int zoom) => 360.0 / (256.0 * Math.Pow(2, zoom));

    private byte[] Render(MapArea area, int? zoom)
    {
        var geometry = zoom is { } z ? TopologyPreservingSimplifier.Simplify(area.Boundary, PixelDegrees(z)) : area.Boundary;
        if (geometry.IsEmpty) geometry = area.Boundary;
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("type"u8, "Feature"u8);
            json.WriteString("id"u8, area.Code);
            json.WritePropertyName("geometry"u8);
            MapGeoJson.WriteGeometry(json, geometry);
            json.WritePropertyName("properties"u8);
            json.WriteStartObject();
            json.WriteString("code"u8, area.Code);
            json.WriteString("name"u8, area.Name);
            json.WriteString("level"u8, _level.ToCode());
            if (area.CommunityCode is not null) json.WriteString("communityCode"u8, area.CommunityCode);
            if (area.BuiltUp is { } builtUp) json.WriteBoolean("builtUp"u8, builtUp);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
