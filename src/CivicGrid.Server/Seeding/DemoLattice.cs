using CivicGrid.Domain.Geography;
using NetTopologySuite.Geometries;

namespace CivicGrid.Server.Seeding;

/// <summary>
/// The fine lattice every demo polygon is drawn on. A fine step is 0.0012° × 0.0011° (≈ 125 m × 122 m ≈ 15,300 m²
/// at 20° N: one built-up unit grid); a land cell is 7 × 7 fine steps (≈ 0.75 km²: one rural grid, or 49 built-up
/// grids). Every coordinate is computed from an integer lattice index by the same formula, so neighbouring polygons
/// share bit-identical edges and tile without gaps or overlaps.
/// </summary>
internal static class DemoLattice
{
    public const double WestLongitude = 110.10;
    public const double SouthLatitude = 19.60;
    public const double FineLongitudeStep = 0.0012;
    public const double FineLatitudeStep = 0.0011;
    public const int FinePerCell = 7;

    /// <summary>Columns of land cells: 72 × 0.0084° reaches 110.7048° E.</summary>
    public const int Columns = 72;

    public static GeometryFactory Factory { get; } = new(new PrecisionModel(), 4326);

    public static double Longitude(int fineX) => WestLongitude + fineX * FineLongitudeStep;

    public static double Latitude(int fineY) => SouthLatitude + fineY * FineLatitudeStep;

    /// <summary>The land-cell column of a longitude (may lie outside 0..<see cref="Columns"/>).</summary>
    public static int ColumnOf(double longitude) => (int)Math.Floor((longitude - WestLongitude) / (FineLongitudeStep * FinePerCell));

    /// <summary>The land-cell row of a latitude, counted northwards from <see cref="SouthLatitude"/>.</summary>
    public static int RowOf(double latitude) => (int)Math.Floor((latitude - SouthLatitude) / (FineLatitudeStep * FinePerCell));

    /// <summary>The rectangle between two fine lattice corners, counter-clockwise, SRID 4326.</summary>
    public static Polygon Rectangle(int west, int south, int east, int north)
    {
        double x0 = Longitude(west), x1 = Longitude(east), y0 = Latitude(south), y1 = Latitude(north);
        return Factory.CreatePolygon([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]);
    }

    public static Polygon CellRectangle(LandCell cell) =>
        Rectangle(cell.Column * FinePerCell, cell.Row * FinePerCell, (cell.Column + 1) * FinePerCell, (cell.Row + 1) * FinePerCell);

    /// <summary>The area of a longitude/latitude rectangle on the sphere of mean Earth radius: R²·Δλ·(sin φ₁ − sin φ₀).
    /// Within 0.5 % of the ellipsoidal area, far below what a grid card needs.</summary>
    public static double AreaSquareMetres(int west, int south, int east, int north)
    {
        const double radius = GeoDistance.MeanEarthRadiusMetres;
        var longitudeSpan = (Longitude(east) - Longitude(west)) * Math.PI / 180;
        var sines = Math.Sin(Latitude(north) * Math.PI / 180) - Math.Sin(Latitude(south) * Math.PI / 180);
        return radius * radius * longitudeSpan * sines;
    }
}

/// <summary>A land cell of the lattice (column westward-eastward from 110.10° E, row northward from 19.60° N).</summary>
internal readonly record struct LandCell(int Column, int Row, bool IsBuiltUp)
{
    /// <summary>Weight when dividing land between streets and communities: a built-up cell holds 49 grids and many
    /// people, so it counts for twelve rural cells; urban communities come out small, villages large.</summary>
    public int Weight => IsBuiltUp ? 12 : 1;
}
