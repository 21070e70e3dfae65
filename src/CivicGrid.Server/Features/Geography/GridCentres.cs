using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Geography;

/// <summary>Where a map that picks a position opens: a point of a unit grid (单元网格) the user works in.</summary>
public sealed class GridCentres(CivicGridDbContext db)
{
    /// <summary>A point inside the first grid of the district or street <paramref name="divisionCode"/> (any grid
    /// when null); null when there is none.</summary>
    public async Task<(double Lon, double Lat)?> InDivisionAsync(string? divisionCode, CancellationToken cancellationToken)
    {
        var grid = await db.UnitGrids.AsNoTracking()
            .Where(g => divisionCode == null || g.DistrictCode == divisionCode || g.StreetCode == divisionCode)
            .FirstOrDefaultAsync(cancellationToken);
        if (grid is null) return null;
        var point = grid.Boundary.InteriorPoint;
        return (point.X, point.Y);
    }

    /// <summary>The centre of the first built-up grid by code (the public report form); null when there is none.</summary>
    public async Task<(double Lon, double Lat)?> FirstBuiltUpAsync(CancellationToken cancellationToken)
    {
        var grid = await db.UnitGrids.AsNoTracking().Where(g => g.IsBuiltUp).OrderBy(g => g.Code).FirstOrDefaultAsync(cancellationToken);
        return grid is null ? null : (grid.Boundary.Centroid.X, grid.Boundary.Centroid.Y);
    }
}
