using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Geography;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Cases;

/// <summary>Finds the open case a new report repeats: same type, within the radius, reported within the window.</summary>
public static class DuplicateFinder
{
    public static async Task<Case?> FindAsync(CivicGridDbContext db, CatalogueKind? kind, string? typeCode, GeoPoint position,
        DateTimeOffset now, CaseOptions options, CancellationToken cancellationToken)
    {
        if (kind is null || typeCode is null || options.DuplicateRadiusMetres <= 0) return null;
        // A box a little larger than the radius narrows the candidates in SQL; the exact distance is checked here.
        var dLat = options.DuplicateRadiusMetres / 111_000.0 * 1.1;
        var dLon = dLat / Math.Max(0.1, Math.Cos(position.Latitude * Math.PI / 180));
        var since = now - options.DuplicateWindow;
        var finished = CaseStages.Terminal;
        var candidates = await db.Cases
            .Where(c => c.Kind == kind && c.TypeCode == typeCode && c.CreatedAt >= since && !finished.Contains(c.Status)
                        && c.Latitude >= position.Latitude - dLat && c.Latitude <= position.Latitude + dLat
                        && c.Longitude >= position.Longitude - dLon && c.Longitude <= position.Longitude + dLon)
            .OrderBy(c => c.CreatedAt).Take(20).ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(c =>
            GeoDistance.Metres(position, new GeoPoint(c.Longitude, c.Latitude)) <= options.DuplicateRadiusMetres);
    }
}
