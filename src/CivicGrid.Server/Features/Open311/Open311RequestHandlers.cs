using CivicGrid.Server.Features.Cases;
using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Features.Open311;

/// <summary>GET requests, requests/{id} and tokens/{token}. Open to everyone (no api_key): the answers hold public
/// fields only (<see cref="Open311RequestViews"/>).</summary>
public static class Open311RequestHandlers
{
    public static async Task<IResult> List(string format, HttpRequest request, CivicGridDbContext db, Open311City cities,
        Open311RequestViews views, IOptions<Open311Options> options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!Open311Formats.TryParse(format, out var fmt)) return Open311Errors.UnknownFormat(format);
        var p = new Open311Parameters(request);
        if (await cities.FindAsync(p["jurisdiction_id"], cancellationToken) is not { } city)
            return Open311Errors.NotFound(fmt, Open311City.UnknownJurisdiction(p["jurisdiction_id"]));
        var o = options.Value;
        var extensions = p.Bool("extensions");
        var page = p.Int("page", 1, 1, 1_000_000);
        var pageSize = p.Int("page_size", o.MaxResults, 1, o.MaxResults);
        var query = db.Cases.AsNoTracking();

        var ids = p.List("service_request_id");
        if (ids.Count > 0)
        {
            // The spec: service_request_id overrides every other filter.
            if (ids.Count > o.MaxResults) p.Errors.Add($"service_request_id lists at most {o.MaxResults} ids.");
            query = query.Where(c => ids.Contains(c.Number));
        }
        else query = Filter(query, p, city.Dates, o, time.GetUtcNow());
        if (p.Errors.Count > 0) return Open311Errors.BadRequest(fmt, [.. p.Errors]);

        var cursor = ids.Count > 0 ? null : Open311Cursor.Read(p);
        if (p.Errors.Count > 0) return Open311Errors.BadRequest(fmt, [.. p.Errors]);
        if (cursor is { } after) query = after.Older(query);
        // Newest first through the (created, id) index: a page costs the same at ten thousand cases as at millions.
        var ordered = query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id);
        var rows = await views.Rows((cursor is null ? ordered.Skip((page - 1) * pageSize) : ordered).Take(pageSize)).ToListAsync(cancellationToken);
        if (rows.Count == pageSize && ids.Count == 0) request.HttpContext.Response.Headers.Link = Open311Cursor.NextLink(CaseCursor.After(rows[^1].Case), request);
        var items = await views.BuildAsync(rows, city.Dates, Open311Statuses.English(request), extensions, cancellationToken);
        return new Open311Result(fmt, StatusCodes.Status200OK, new Open311Document("service_requests", new Open311List("request", items)));
    }

    /// <summary>service_code, status and the date windows. Without any date the last <see cref="Open311Options.DefaultWindowDays"/>
    /// days of requested_datetime; start_date alone runs that many days forward, end_date alone that many back; the
    /// two together may not span more. updated_after/updated_before (extension) filter updated_datetime and, when
    /// given without start/end, lift the default window (so a client can pull every change since its last poll).</summary>
    private static IQueryable<Case> Filter(IQueryable<Case> query, Open311Parameters p, Open311Dates dates, Open311Options o, DateTimeOffset now)
    {
        var components = new List<string>();
        var matters = new List<string>();
        foreach (var serviceCode in p.List("service_code"))
        {
            if (!Open311ServiceCodes.TryParse(serviceCode, out var kind, out var code))
                p.Errors.Add($"service_code '{Open311Form.Shown(serviceCode)}' is not a service code (a letter C or M and five digits).");
            else (kind == CatalogueKind.Component ? components : matters).Add(code);
        }
        if (components.Count + matters.Count > 0)
        {
            query = query.Where(c => (c.Kind == CatalogueKind.Component && components.Contains(c.TypeCode!))
                || (c.Kind == CatalogueKind.Matter && matters.Contains(c.TypeCode!)));
        }

        var statuses = p.List("status").Select(s => s.ToLowerInvariant()).Distinct().ToList();
        if (statuses.Any(s => s is not ("open" or "closed"))) p.Errors.Add("status must be open or closed (or both, comma-separated).");
        else if (statuses.Count == 1)
        {
            var closed = Open311Statuses.Closed;
            query = statuses[0] == "closed" ? query.Where(c => closed.Contains(c.Status)) : query.Where(c => !closed.Contains(c.Status));
        }

        var start = p.Date("start_date", dates);
        var end = p.Date("end_date", dates);
        var updatedAfter = p.Date("updated_after", dates);
        var updatedBefore = p.Date("updated_before", dates);
        var window = TimeSpan.FromDays(o.DefaultWindowDays);
        if (start is { } s && end is { } e)
        {
            if (e < s) p.Errors.Add("end_date must not be before start_date.");
            else if (e - s > window) p.Errors.Add($"start_date and end_date may not span more than {o.DefaultWindowDays} days.");
        }
        else if (start is { } onlyStart) end = onlyStart + window;
        else if (end is { } onlyEnd) start = onlyEnd - window;
        else if (updatedAfter is null && updatedBefore is null && !p.Errors.Any(e => e.StartsWith("start_date", StringComparison.Ordinal) || e.StartsWith("end_date", StringComparison.Ordinal)))
            start = now - window;
        if (start is { } from) query = query.Where(c => c.CreatedAt >= from);
        if (end is { } to) query = query.Where(c => c.CreatedAt <= to);
        if (updatedAfter is { } after) query = query.Where(c => c.UpdatedAt > after);
        if (updatedBefore is { } before) query = query.Where(c => c.UpdatedAt < before);
        return query;
    }

    public static async Task<IResult> Get(string service_request_id, string format, HttpRequest request, CivicGridDbContext db,
        Open311City cities, Open311RequestViews views, CancellationToken cancellationToken)
    {
        if (!Open311Formats.TryParse(format, out var fmt)) return Open311Errors.UnknownFormat(format);
        var p = new Open311Parameters(request);
        if (await cities.FindAsync(p["jurisdiction_id"], cancellationToken) is not { } city)
            return Open311Errors.NotFound(fmt, Open311City.UnknownJurisdiction(p["jurisdiction_id"]));
        var extensions = p.Bool("extensions");
        if (p.Errors.Count > 0) return Open311Errors.BadRequest(fmt, [.. p.Errors]);
        var found = await views.Rows(db.Cases.AsNoTracking().Where(c => c.Number == service_request_id)).SingleOrDefaultAsync(cancellationToken);
        if (found is null) return Open311Errors.NotFound(fmt, $"service_request_id '{Open311Form.Shown(service_request_id)}' was not found.");
        var items = await views.BuildAsync([found], city.Dates, Open311Statuses.English(request), extensions, cancellationToken);
        return new Open311Result(fmt, StatusCodes.Status200OK, new Open311Document("service_requests", new Open311List("request", items)));
    }

    public static async Task<IResult> Token(string token, string format, HttpRequest request, CivicGridDbContext db,
        Open311City cities, CancellationToken cancellationToken)
    {
        if (!Open311Formats.TryParse(format, out var fmt)) return Open311Errors.UnknownFormat(format);
        var p = new Open311Parameters(request);
        if (await cities.FindAsync(p["jurisdiction_id"], cancellationToken) is null)
            return Open311Errors.NotFound(fmt, Open311City.UnknownJurisdiction(p["jurisdiction_id"]));
        var number = await db.Open311Tokens.AsNoTracking().Where(t => t.Token == token)
            .Join(db.Cases, t => t.CaseId, c => c.Id, (t, c) => c.Number).SingleOrDefaultAsync(cancellationToken);
        if (number is null) return Open311Errors.NotFound(fmt, "token was not found.");
        return new Open311Result(fmt, StatusCodes.Status200OK, new Open311Document("service_requests", new Open311List("request",
            [Open311Object.Of(("service_request_id", number), ("token", token))])));
    }
}
