using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace CivicGrid.Server.Features.Geography;

/// <summary>GeoJSON geometry (de)serialization through NetTopologySuite, in WGS-84 longitude/latitude (SRID 4326).</summary>
public static class GeoJsonGeometry
{
    public static GeometryFactory Factory { get; } = new(new PrecisionModel(), 4326);

    public static JsonSerializerOptions Options { get; } = new() { Converters = { new GeoJsonConverterFactory(Factory) } };

    /// <summary>A non-empty Polygon or MultiPolygon with every coordinate a valid longitude/latitude; otherwise a problem.</summary>
    public static string? FindAreaProblem(Geometry geometry)
    {
        if (geometry is not (Polygon or MultiPolygon)) return $"geometry: expected a Polygon or MultiPolygon, got {geometry.GeometryType}";
        if (geometry.IsEmpty) return "geometry: the polygon is empty";
        var envelope = geometry.EnvelopeInternal;
        return envelope.MinX < -180 || envelope.MaxX > 180 || envelope.MinY < -90 || envelope.MaxY > 90
            ? "geometry: coordinates must be WGS-84 longitude (-180..180) and latitude (-90..90)"
            : null;
    }
}
