using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace CivicGrid.Data;

/// <summary>Stores an NTS geometry as well-known binary (BLOB in SQLite, bytea in PostgreSQL).</summary>
public sealed class GeometryToWkbConverter() : ValueConverter<Geometry, byte[]>(
    geometry => new WKBWriter().Write(geometry),
    bytes => new WKBReader().Read(bytes));
