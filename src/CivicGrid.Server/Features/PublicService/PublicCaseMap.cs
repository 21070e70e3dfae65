using System.Globalization;
using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using CivicGrid.Server.Features.Catalogue;
using CivicGrid.Server.Platform.Errors;

namespace CivicGrid.Server.Features.PublicService;

/// <summary>Recent cases for the public map: number, type, public status, creation time and position only (never a
/// description, contact or note); positions blurred and photos withheld for sensitive types by
/// <see cref="PublicCasePrivacy"/>; photos only once staff approved them. The box selects by the shown position.
/// Voided and rejected cases are not shown.</summary>
public sealed class PublicCaseMap(
    CivicGridDbContext db, TimeProvider time, IOptions<PublicServiceOptions> options, PublicCasePrivacy privacy, ReferenceCache reference)
{
    public const int MaxDays = 90;

    public sealed record Area(double MinLongitude, double MinLatitude, double MaxLongitude, double MaxLatitude);

    public sealed record MapCase(string Number, string? Kind, string? TypeCode, string? TypeName, string? TypeNameEn, string Status,
        string StatusLabel, DateTimeOffset CreatedAt, double Longitude, double Latitude, bool PositionBlurred, IReadOnlyList<PublicPhoto> Photos);

    /// <param name="Truncated">More cases matched than the answer holds (PublicService:MaxMapCases); zoom in.</param>
    public sealed record MapPage(IReadOnlyList<MapCase> Cases, bool Truncated);

    /// <summary>Parses "minLon,minLat,maxLon,maxLat" (WGS-84); null and an error when it is not one.</summary>
    public static Area? ParseArea(string? bbox, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(bbox)) return null;
        var parts = bbox.Split(',');
        var numbers = parts.Select(p => double.TryParse(p.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : (double?)null).ToList();
        if (numbers.Count != 4 || numbers.Any(n => n is null))
        {
            errors.Add("bbox", "bbox must be minLon,minLat,maxLon,maxLat (four numbers, WGS-84).");
            return null;
        }
        var area = new Area(numbers[0]!.Value, numbers[1]!.Value, numbers[2]!.Value, numbers[3]!.Value);
        if (area.MinLongitude is < -180 or > 180 || area.MaxLongitude is < -180 or > 180 || area.MinLatitude is < -90 or > 90 || area.MaxLatitude is < -90 or > 90
            || area.MinLongitude > area.MaxLongitude || area.MinLatitude > area.MaxLatitude)
        {
            errors.Add("bbox", "bbox must lie within -180..180 / -90..90 with min ≤ max.");
            return null;
        }
        return area;
    }

    public async Task<MapPage> ListAsync(Area? area, int days, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - TimeSpan.FromDays(Math.Clamp(days, 1, MaxDays));
        var query = db.Cases.AsNoTracking()
            .Where(c => c.CreatedAt >= since && c.Status != CaseStatus.Voided && c.Status != CaseStatus.Rejected);
        if (area is not null)
        {
            var wide = privacy.Widen(area);
            query = query.Where(c => c.Longitude >= wide.MinLongitude && c.Longitude <= wide.MaxLongitude
                && c.Latitude >= wide.MinLatitude && c.Latitude <= wide.MaxLatitude);
        }
        var limit = options.Value.MaxMapCases;
        var rows = await query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(limit + 1)
            .Select(c => new { c.Id, c.Number, c.Kind, c.TypeCode, c.Status, c.CreatedAt, c.Longitude, c.Latitude })
            .ToListAsync(cancellationToken);
        var truncated = rows.Count > limit;
        if (truncated) rows.RemoveAt(rows.Count - 1);

        var types = (await reference.GetAsync()).Types; // in memory, dropped when the catalogue changes (issue 16)
        var ids = rows.Select(r => r.Id).ToList();
        var photos = (await db.Attachments.AsNoTracking().Where(a => a.CaseId != null && ids.Contains(a.CaseId.Value) && a.IsPublic)
                .OrderBy(a => a.UploadedAt).Select(a => new { CaseId = a.CaseId!.Value, a.Id, a.Width, a.Height }).ToListAsync(cancellationToken))
            .ToLookup(p => p.CaseId);

        var cases = rows.Select(r =>
        {
            var type = r.Kind is { } kind && r.TypeCode is { } code && types.TryGetValue((kind, code), out var found) ? found : null;
            var shown = privacy.Show(type?.IsSensitive == true, r.Longitude, r.Latitude, description: null, address: null);
            var status = PublicStatuses.Of(r.Status);
            return (shown, view: new MapCase(r.Number, PublicTracking.KindCode(r.Kind), r.TypeCode, type?.Name, type?.NameEn, status.Code(),
                status.Label(), r.CreatedAt, shown.Longitude, shown.Latitude, shown.PositionBlurred,
                shown.ShowsPhotos ? photos[r.Id].Select(p => PublicPhoto.Of(p.Id, p.Width, p.Height)).ToList() : []));
        }).Where(c => area is null || PublicCasePrivacy.Contains(area, c.shown)).Select(c => c.view).ToList();
        return new MapPage(cases, truncated);
    }
}
