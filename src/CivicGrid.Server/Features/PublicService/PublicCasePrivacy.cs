using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Features.PublicService;

/// <summary>The one place that decides what the public may see of a case's place and words, used by every anonymous
/// surface (the public map API and page, the public case page, public tracking, nearby reports, Open311 requests): for a
/// type the administrator marks sensitive the position is the centre of its <see cref="PublicServiceOptions.BlurCellMetres"/>
/// cell and the description, result note, address and photos are withheld; otherwise the position to 6 decimals, the
/// address as reported and the words staff approved (<see cref="Domain.PublicService.CasePublicText"/>: callers pass the
/// approved text, never the raw one). Contacts, staff names and notes are never public, whatever the type.</summary>
public sealed class PublicCasePrivacy(IOptions<PublicServiceOptions> options)
{
    /// <summary>What a public surface may show. <paramref name="ShowsPhotos"/>: approved photos may be shown.</summary>
    public sealed record Shown(double Longitude, double Latitude, bool PositionBlurred, string? Description, string? Address, bool ShowsPhotos,
        string? ResultNote = null);

    /// <param name="description">The description staff approved for the public (null when not approved).</param>
    /// <param name="resultNote">The result note staff approved for the public (null when not approved).</param>
    public Shown Show(bool sensitive, double longitude, double latitude, string? description, string? address, string? resultNote = null)
    {
        if (!sensitive) return new(Math.Round(longitude, 6), Math.Round(latitude, 6), false, description, address, ShowsPhotos: true, resultNote);
        var (lon, lat) = PositionBlur.Snap(longitude, latitude, options.Value.BlurCellMetres);
        return new(lon, lat, true, null, null, ShowsPhotos: false);
    }

    /// <summary>The area to read from the database so that every case whose <em>shown</em> position lies in
    /// <paramref name="area"/> is found: widened by one blur cell (a search box must select by the shown position,
    /// or a tiny box around a sensitive spot would reveal it).</summary>
    public PublicCaseMap.Area Widen(PublicCaseMap.Area area)
    {
        ArgumentNullException.ThrowIfNull(area);
        var latMargin = options.Value.BlurCellMetres / 111_320.0;
        var lonMargin = latMargin / Math.Max(0.01, Math.Cos(Math.Max(Math.Abs(area.MinLatitude), Math.Abs(area.MaxLatitude)) * Math.PI / 180));
        return new(Math.Max(-180, area.MinLongitude - lonMargin), Math.Max(-90, area.MinLatitude - latMargin),
            Math.Min(180, area.MaxLongitude + lonMargin), Math.Min(90, area.MaxLatitude + latMargin));
    }

    public static bool Contains(PublicCaseMap.Area area, Shown shown) =>
        shown.Longitude >= area.MinLongitude && shown.Longitude <= area.MaxLongitude
        && shown.Latitude >= area.MinLatitude && shown.Latitude <= area.MaxLatitude;
}
