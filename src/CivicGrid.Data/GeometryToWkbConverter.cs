using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace CivicGrid.Data;

/// <summary>Stores an NTS geometry as well-known binary (BLOB in SQLite, bytea in PostgreSQL).</summary>
public sealed class GeometryToWkbConverter() : ValueConverter<Geometry, byte[]>(
    geometry => new WKBWriter().Write(geometry),
    bytes => Wgs84(new WKBReader().Read(bytes)))
{
    /// <summary>Every stored geometry is WGS-84 longitude/latitude (EPSG:4326); plain WKB does not carry the SRID.</summary>
    private static Geometry Wgs84(Geometry geometry)
    {
        geometry.SRID = 4326;
        return geometry;
    }
}
