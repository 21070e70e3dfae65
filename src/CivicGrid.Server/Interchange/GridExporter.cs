using System.Text.Json;
using CivicGrid.Data;
using CivicGrid.Server.Features.Geography;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Interchange;

/// <summary>Writes the unit grids as the GeoJSON that <see cref="GridImporter"/> reads (areaSquareMetres is
/// informational: the importer recomputes it from the polygon).</summary>
public sealed class GridExporter(CivicGridDbContext db)
{
    public async Task<long> ExportAsync(string path, CancellationToken cancellationToken)
    {
        FileFormats.For(path, "Grid", FileFormat.GeoJson, FileFormat.Json);
        long count = 0;
        using var writer = new GeoJsonFeatureWriter(FileFormats.CreateOutput(path));
        await foreach (var grid in db.UnitGrids.AsNoTracking().OrderBy(g => g.Code).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            writer.Write(grid,
                (json, g) => JsonSerializer.Serialize(json, g.Boundary, GeoJsonGeometry.Options),
                (json, g) =>
                {
                    json.WriteString("code", g.Code);
                    json.WriteString("communityCode", g.CommunityCode);
                    GeoJsonFeatureWriter.WriteOptional(json, "responsibleParty", g.ResponsibleParty);
                    json.WriteBoolean("builtUp", g.IsBuiltUp);
                    json.WriteNumber("areaSquareMetres", Math.Round(g.AreaSquareMetres, 1));
                });
            count++;
        }
        return count;
    }
}
