using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using CivicGrid.Domain.Geography;
using CivicGrid.Server.Features.Geography;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.LinearReferencing;
using NetTopologySuite.Simplify;

namespace CivicGrid.Server.Features.Map;

/// <summary>The city's own basemap for one <see cref="PlaceSnapshot"/>: roads, water and landmarks behind an STR-tree,
/// each feature rendered once per zoom (simplified to about a pixel) and kept, and a label point per district, street
/// and community. What a zoom shows is decided by <see cref="BasemapZoom"/>. Thread-safe apart from the render cache,
/// whose races only render a feature twice.</summary>
public sealed class BasemapLayer
{
    private readonly NamedFeature[] _features;
    private readonly STRtree<int> _tree = new();
    private readonly byte[]?[][] _rendered;
    private readonly Dictionary<AdministrativeLevel, (NamedUnit Unit, Point Label)[]> _labels;

    public BasemapLayer(PlaceSnapshot places)
    {
        Places = places;
        _features = [.. places.Features];
        for (var i = 0; i < _features.Length; i++) _tree.Insert(_features[i].Geometry.EnvelopeInternal, i);
        _tree.Build();
        _rendered = Enumerable.Range(0, MapViewport.MaxZoom + 1).Select(_ => new byte[]?[_features.Length]).ToArray();
        _labels = places.Units.GroupBy(u => u.Level).ToDictionary(g => g.Key, g => g.Select(u => (u, u.Boundary.InteriorPoint)).ToArray());
    }

    public PlaceSnapshot Places { get; }

    /// <summary>The features of <paramref name="zoom"/> in the viewport: water, then roads by rank, then landmarks.</summary>
    public IEnumerable<int> Intersecting(MapViewport viewport, int zoom)
    {
        var envelope = new Envelope(viewport.MinLongitude, viewport.MaxLongitude, viewport.MinLatitude, viewport.MaxLatitude);
        var rectangle = GeoJsonGeometry.Factory.ToGeometry(envelope);
        return _tree.Query(envelope).Where(i => BasemapZoom.Shows(_features[i], zoom) && rectangle.Intersects(_features[i].Geometry))
            .OrderBy(i => _features[i].Kind == BasemapFeatureKind.Water ? 0 : _features[i].Kind == BasemapFeatureKind.Road ? 1 : 2)
            .ThenByDescending(i => _features[i].Rank).ThenBy(i => i);
    }

    public NamedFeature this[int index] => _features[index];

    /// <summary>The feature as GeoJSON, simplified for the zoom.</summary>
    public ReadOnlySpan<byte> Feature(int index, int zoom) => _rendered[zoom][index] ??= Render(_features[index], zoom);

    /// <summary>Where a road's name goes: near the middle of its part inside the viewport (null when too little is inside).</summary>
    public Point? RoadLabel(int index, MapViewport viewport)
    {
        var rectangle = GeoJsonGeometry.Factory.ToGeometry(
            new Envelope(viewport.MinLongitude, viewport.MaxLongitude, viewport.MinLatitude, viewport.MaxLatitude));
        var inside = _features[index].Geometry.Intersection(rectangle);
        var longest = Enumerable.Range(0, inside.NumGeometries).Select(inside.GetGeometryN).OfType<LineString>().MaxBy(l => l.Length);
        if (longest is null || longest.Length < Math.Max(viewport.MaxLongitude - viewport.MinLongitude, viewport.MaxLatitude - viewport.MinLatitude) / 8) return null;
        var middle = new LengthIndexedLine(longest).ExtractPoint(longest.Length * 0.4); // off-centre: the pin often sits in the middle
        return GeoJsonGeometry.Factory.CreatePoint(middle);
    }

    /// <summary>A label point for every unit of a level that the viewport shows: its own interior point when that is
    /// in view, otherwise a point of its part inside the viewport.</summary>
    public IEnumerable<(NamedUnit Unit, Point Label)> UnitLabels(AdministrativeLevel level, MapViewport viewport)
    {
        if (!_labels.TryGetValue(level, out var labels)) yield break;
        var envelope = new Envelope(viewport.MinLongitude, viewport.MaxLongitude, viewport.MinLatitude, viewport.MaxLatitude);
        var rectangle = GeoJsonGeometry.Factory.ToGeometry(envelope);
        foreach (var (unit, label) in labels)
        {
            if (viewport.Contains(label.X, label.Y)) yield return (unit, label);
            else if (unit.Boundary.EnvelopeInternal.Intersects(envelope) && unit.Boundary.Intersection(rectangle) is { IsEmpty: false, Area: > 0 } inside)
            {
                // An area filling the whole view is named near the top, clear of the pin and the roads' names in the middle.
                yield return (unit, inside.Area >= rectangle.Area * 0.98
                    ? GeoJsonGeometry.Factory.CreatePoint(new Coordinate(envelope.Centre.X, envelope.MinY + envelope.Height * 0.85))
                    : inside.InteriorPoint);
            }
        }
    }

    private static byte[] Render(NamedFeature feature, int zoom)
    {
        var geometry = feature.Geometry is Point ? feature.Geometry : TopologyPreservingSimplifier.Simplify(feature.Geometry, MapAreaLayer.PixelDegrees(zoom));
        if (geometry.IsEmpty) geometry = feature.Geometry;
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("type"u8, "Feature"u8);
            json.WritePropertyName("geometry"u8);
            MapGeoJson.WriteGeometry(json, geometry);
            json.WritePropertyName("properties"u8);
            json.WriteStartObject();
            json.WriteString("kind"u8, PlaceSnapshot.KindOf(feature.Kind));
            json.WriteString("name"u8, feature.Name);
            json.WriteNumber("rank"u8, feature.Rank);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
