namespace CivicGrid.Server.Features.PublicService;

/// <summary>Coarsens a position for the public map: snaps it to the centre of a square cell of about
/// <c>cellMetres</c> on each side, so every case in one cell shows at the same point and the exact spot (a
/// complaint about a neighbour, a person sleeping rough) cannot be read off the map.</summary>
public static class PositionBlur
{
    private const double MetresPerDegreeLatitude = 111_320;

    public static (double Longitude, double Latitude) Snap(double longitude, double latitude, double cellMetres)
    {
        var latStep = cellMetres / MetresPerDegreeLatitude;
        var snappedLat = (Math.Floor(latitude / latStep) + 0.5) * latStep;
        // The longitude step follows the latitude's whole degree, so cells line up within a one-degree band (~111 km)
        // and are square there to within a percent.
        var bandLatitude = Math.Floor(latitude) + 0.5;
        var lonStep = cellMetres / (MetresPerDegreeLatitude * Math.Max(0.01, Math.Cos(bandLatitude * Math.PI / 180)));
        var snappedLon = (Math.Floor(longitude / lonStep) + 0.5) * lonStep;
        return (Math.Round(snappedLon, 6), Math.Round(snappedLat, 6));
    }
}
