using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Server.Features.Catalogue;
using CivicGrid.Server.Features.PublicService;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Open311;

/// <summary>Cases as Open311 service requests: public fields only. Never the reporter's contact, never staff names or
/// notes; the description only as staff approved it for the public (<see cref="PublicTextReview"/>, the same words as
/// the public case page); for types the administrator marks sensitive the same as the public map
/// (<see cref="PublicCasePrivacy"/>): the blurred position, and no description, address or media.</summary>
public sealed class Open311RequestViews(CivicGridDbContext db, PublicCasePrivacy privacy, ReferenceCache reference)
{
    /// <summary>A case with what its public view needs besides it, read in the same query (issue 16: one round trip per
    /// answer, not three): the first media URL an Open311 client sent with it, and the description staff approved.</summary>
    public sealed record Row(Case Case, string? MediaUrl, string? ApprovedDescription);

    /// <summary>The rows of <paramref name="cases"/> (already filtered, ordered and paged).</summary>
    public IQueryable<Row> Rows(IQueryable<Case> cases) => cases.Select(c => new Row(c,
        db.Open311Tokens.Where(t => t.CaseId == c.Id && t.MediaUrl != null).OrderBy(t => t.CreatedAt).Select(t => t.MediaUrl).FirstOrDefault(),
        db.CasePublicTexts.Where(t => t.CaseId == c.Id).Select(t => t.Description).FirstOrDefault()));

    public async Task<List<Open311Node>> BuildAsync(IReadOnlyList<Row> rows, Open311Dates dates, bool english, bool extensions,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return [];
        var (types, departments) = await reference.GetAsync();
        var history = extensions ? (await PublicHistoryAsync(rows.Select(r => r.Case.Id).ToList(), cancellationToken)).ToLookup(h => h.CaseId) : null;

        return rows.Select(row =>
        {
            var c = row.Case;
            var type = c.Kind is { } kind && c.TypeCode is { } code && types.TryGetValue((kind, code), out var t) ? t : null;
            var shown = privacy.Show(type?.IsSensitive == true, c.Longitude, c.Latitude, row.ApprovedDescription, c.Address);
            var view = Open311Object.Of(
                ("service_request_id", c.Number),
                ("status", Open311Statuses.OpenOrClosed(c.Status)),
                ("status_notes", Open311Statuses.Notes(c.Status, english)),
                ("service_name", type is null ? null : english ? type.NameEn : type.Name),
                ("service_code", c.Kind is { } k && c.TypeCode is { } tc ? Open311ServiceCodes.Of(k, tc) : null),
                ("description", shown.Description),
                ("agency_responsible", c.DepartmentId is { } d && departments.TryGetValue(d, out var dn) ? english ? dn.NameEn : dn.Name : null),
                ("service_notice", null),
                ("requested_datetime", dates.Format(c.CreatedAt)),
                ("updated_datetime", dates.Format(c.UpdatedAt)),
                ("expected_datetime", c.Status is CaseStatus.Dispatched or CaseStatus.Handling ? dates.Format(c.StageDueAt) : null),
                ("address", shown.Address),
                ("address_id", null),
                ("zipcode", null),
                ("lat", shown.Latitude),
                ("long", shown.Longitude),
                ("media_url", shown.ShowsPhotos ? row.MediaUrl : null));
            if (history is null) return (Open311Node)view;
            var notes = history[c.Id]
                .Select(h => (h, text: Open311Statuses.PublicNote(h.Action, h.FromStatus, h.ToStatus, english)))
                .Where(x => x.text is not null)
                .Select(x => (Open311Node)Open311Object.Of(
                    ("action", x.h.Action),
                    ("datetime", dates.Format(x.h.At)),
                    ("status", Open311Statuses.Detailed(x.h.ToStatus)),
                    ("note", x.text)))
                .ToList();
            return view.With(("detailed_status", Open311Statuses.Detailed(c.Status)), ("notes", new Open311List("note", notes)));
        }).ToList();
    }

    private async Task<List<CaseHistoryEntry>> PublicHistoryAsync(List<long> ids, CancellationToken cancellationToken) =>
        await db.CaseHistory.AsNoTracking()
            .Where(h => ids.Contains(h.CaseId) && Open311Statuses.PublicActions.Contains(h.Action))
            .OrderBy(h => h.CaseId).ThenBy(h => h.Sequence)
            .ToListAsync(cancellationToken);
}
