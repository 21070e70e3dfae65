using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Geography;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.PublicService;

/// <summary>Open reports of one type near a spot, shown on the public report form before submitting ("是否是这个问题？")
/// so a citizen may follow an existing case instead of reporting it again. Public fields only, through
/// <see cref="PublicCasePrivacy"/>: distances are measured to the <em>shown</em> position (a sensitive case counts at its
/// blurred cell centre, so a tiny radius cannot find its exact spot), texts only as staff approved them. Open means not
/// closed, rejected or voided.</summary>
public sealed class NearbyReports(CivicGridDbContext db, PublicCasePrivacy privacy)
{
    public const int DefaultRadiusMetres = 150;
    public const int MaxRadiusMetres = 500;
    public const int MaxResults = 5;

    public sealed record Nearby(string Number, string? TypeName, string? TypeNameEn, string Status, string StatusLabel, DateTimeOffset CreatedAt,
        double Longitude, double Latitude, bool PositionBlurred, int DistanceMetres, string? Description, PublicPhoto? Photo, string Url);

    public sealed record NearbyPage(IReadOnlyList<Nearby> Reports);

    public async Task<NearbyPage> FindAsync(double longitude, double latitude, CatalogueKind kind, string typeCode, int radiusMetres,
        CancellationToken cancellationToken)
    {
        var type = await db.CatalogueTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Kind == kind && t.Code == typeCode, cancellationToken);
        if (type is null) return new NearbyPage([]);
        var latSpan = radiusMetres / 111_320.0;
        var lonSpan = latSpan / Math.Max(0.01, Math.Cos(latitude * Math.PI / 180));
        var wide = privacy.Widen(new PublicCaseMap.Area(longitude - lonSpan, latitude - latSpan, longitude + lonSpan, latitude + latSpan));
        var terminal = CaseStages.Terminal;
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.Kind == kind && c.TypeCode == typeCode && !terminal.Contains(c.Status)
                && c.Longitude >= wide.MinLongitude && c.Longitude <= wide.MaxLongitude && c.Latitude >= wide.MinLatitude && c.Latitude <= wide.MaxLatitude)
            .OrderByDescending(c => c.CreatedAt).Take(200)
            .Select(c => new { c.Id, c.Number, c.Status, c.CreatedAt, c.Longitude, c.Latitude })
            .ToListAsync(cancellationToken);
        var here = new GeoPoint(longitude, latitude);
        var found = rows.Select(r => (r, shown: privacy.Show(type.IsSensitive, r.Longitude, r.Latitude, null, null)))
            .Select(x => (x.r, x.shown, metres: GeoDistance.Metres(here, new GeoPoint(x.shown.Longitude, x.shown.Latitude))))
            .Where(x => x.metres <= radiusMetres).OrderBy(x => x.metres).Take(MaxResults).ToList();
        var ids = found.Select(x => x.r.Id).ToList();
        var texts = await db.CasePublicTexts.AsNoTracking().Where(t => ids.Contains(t.CaseId) && t.Description != null)
            .ToDictionaryAsync(t => t.CaseId, t => t.Description, cancellationToken);
        var withPhotos = type.IsSensitive ? [] : ids;
        var photos = (await db.Attachments.AsNoTracking()
                .Where(a => a.CaseId != null && withPhotos.Contains(a.CaseId.Value) && a.IsPublic).OrderBy(a => a.UploadedAt)
                .Select(a => new { CaseId = a.CaseId!.Value, a.Id, a.Width, a.Height }).ToListAsync(cancellationToken))
            .GroupBy(p => p.CaseId).ToDictionary(g => g.Key, g => g.First());
        return new NearbyPage(found.Select(x =>
        {
            var status = PublicStatuses.Of(x.r.Status);
            var shown = privacy.Show(type.IsSensitive, x.r.Longitude, x.r.Latitude, texts.GetValueOrDefault(x.r.Id), null);
            var photo = photos.TryGetValue(x.r.Id, out var p) ? PublicPhoto.Of(p.Id, p.Width, p.Height) : null;
            return new Nearby(x.r.Number, type.Name, type.NameEn, status.Code(), status.Label(), x.r.CreatedAt, shown.Longitude, shown.Latitude,
                shown.PositionBlurred, (int)Math.Round(x.metres), shown.Description, photo, PublicCaseDetails.PageUrl(x.r.Number));
        }).ToList());
    }
}
