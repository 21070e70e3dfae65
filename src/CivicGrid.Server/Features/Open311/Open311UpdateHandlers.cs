using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Features.Open311;

/// <summary>mySociety's GET servicerequestupdates.{fmt}: the public steps of all cases in a window of time, oldest
/// first, so FixMyStreet-style clients can pull what changed. update_id is the history entry's id; status is
/// mySociety's extended state after the step; description the fixed public text of the step.</summary>
public static class Open311UpdateHandlers
{
    public static async Task<IResult> List(string format, HttpRequest request, CivicGridDbContext db, Open311City cities,
        IOptions<Open311Options> options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!Open311Formats.TryParse(format, out var fmt)) return Open311Errors.UnknownFormat(format);
        var p = new Open311Parameters(request);
        if (await cities.FindAsync(p["jurisdiction_id"], cancellationToken) is not { } city)
            return Open311Errors.NotFound(fmt, Open311City.UnknownJurisdiction(p["jurisdiction_id"]));
        var o = options.Value;
        var start = p.Date("start_date", city.Dates);
        var end = p.Date("end_date", city.Dates);
        var page = p.Int("page", 1, 1, 1_000_000);
        var pageSize = p.Int("page_size", o.MaxResults, 1, o.MaxResults);
        if (start is { } s && end is { } e && e < s) p.Errors.Add("end_date must not be before start_date.");
        if (p.Errors.Count > 0) return Open311Errors.BadRequest(fmt, [.. p.Errors]);
        if (start is null && end is null) start = time.GetUtcNow() - TimeSpan.FromDays(o.DefaultWindowDays);

        var actions = Open311Statuses.PublicActions;
        var query = db.CaseHistory.AsNoTracking().Where(h => actions.Contains(h.Action));
        if (start is { } from) query = query.Where(h => h.At >= from);
        if (end is { } to) query = query.Where(h => h.At <= to);
        var rows = await query.OrderBy(h => h.At).ThenBy(h => h.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Join(db.Cases, h => h.CaseId, c => c.Id, (h, c) => new { h.Id, c.Number, h.Action, h.FromStatus, h.ToStatus, h.At })
            .ToListAsync(cancellationToken);
        var english = Open311Statuses.English(request);
        var updates = rows.Select(r => (r, text: Open311Statuses.PublicNote(r.Action, r.FromStatus, r.ToStatus, english)))
            .Where(x => x.text is not null)
            .Select(x => (Open311Node)Open311Object.Of(
                ("update_id", x.r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("service_request_id", x.r.Number),
                ("status", Open311Statuses.MySocietyState(x.r.ToStatus)),
                ("updated_datetime", city.Dates.Format(x.r.At)),
                ("description", x.text),
                ("media_url", null)))
            .ToList();
        return new Open311Result(fmt, StatusCodes.Status200OK, new Open311Document("service_request_updates", new Open311List("request_update", updates)));
    }
}
