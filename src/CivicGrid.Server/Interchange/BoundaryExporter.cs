using System.Text.Json;
using CivicGrid.Data;
using CivicGrid.Server.Features.Geography;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Interchange;

/// <summary>Writes the administrative units as the GeoJSON that <see cref="BoundaryImporter"/> reads; units directly
/// under a city carry the city's name (cityName, cityNameEn, casePrefix) so that an empty database can be filled.</summary>
public sealed class BoundaryExporter(CivicGridDbContext db)
{
    public async Task<long> ExportAsync(string path, CancellationToken cancellationToken)
    {
        FileFormats.For(path, "Boundary", FileFormat.GeoJson, FileFormat.Json);
        var cities = await db.Cities.AsNoTracking().ToDictionaryAsync(c => c.Code, cancellationToken);
        var units = await db.AdministrativeUnits.AsNoTracking().OrderBy(u => u.Code).ToListAsync(cancellationToken);
        using var writer = new GeoJsonFeatureWriter(FileFormats.CreateOutput(path));
        foreach (var unit in units.OrderBy(u => u.Code.Length).ThenBy(u => u.Code, StringComparer.Ordinal))
        {
            writer.Write(unit,
                (json, u) =>
                {
                    if (u.Boundary is null) json.WriteNullValue();
                    else JsonSerializer.Serialize(json, u.Boundary, GeoJsonGeometry.Options);
                },
                (json, u) =>
                {
                    json.WriteString("code", u.Code);
                    json.WriteString("name", u.Name);
                    GeoJsonFeatureWriter.WriteOptional(json, "nameEn", u.NameEn);
                    json.WriteString("level", u.Level.ToString().ToLowerInvariant());
                    if (u.ParentCode == u.CityCode && cities.TryGetValue(u.CityCode, out var city))
                    {
                        json.WriteString("cityName", city.Name);
                        json.WriteString("cityNameEn", city.NameEn);
                        json.WriteString("casePrefix", city.CaseNumberPrefix);
                    }
                });
        }
        return units.Count;
    }
}
