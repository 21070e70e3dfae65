using System.Globalization;
using CivicGrid.Domain.Cases;

namespace CivicGrid.Server.Features.Open311;

/// <summary>Keyset paging of GET requests (an extension, issue 16): the list runs newest first by
/// (requested_datetime, internal id); <c>cursor</c> names the last request of the previous page, so page N costs the
/// same as page 1 however deep the client pages. The answer's <c>Link: &lt;…&gt;; rel="next"</c> header carries it
/// whenever the page is full. Written as "{unix milliseconds}_{id}".</summary>
public readonly record struct Open311Cursor(long CreatedAtMilliseconds, long Id)
{
    public const string Parameter = "cursor";

    public static Open311Cursor After(Case last) => new(last.CreatedAt.ToUnixTimeMilliseconds(), last.Id);

    public DateTimeOffset CreatedAt => DateTimeOffset.FromUnixTimeMilliseconds(CreatedAtMilliseconds);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{CreatedAtMilliseconds}_{Id}");

    public static Open311Cursor? Read(Open311Parameters p)
    {
        if (p[Parameter] is not { } text) return null;
        var parts = text.Split('_');
        if (parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms <= 253402300799999
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return new Open311Cursor(ms, id);
        }
        p.Errors.Add($"{Parameter} must be the value of a previous answer's Link rel=\"next\" (got '{Open311Form.Shown(text)}').");
        return null;
    }

    /// <summary>The requests after this cursor in the list's order (older, or as old with a smaller id).</summary>
    public IQueryable<Case> Filter(IQueryable<Case> query)
    {
        var (at, id) = (CreatedAt, Id);
        return query.Where(c => c.CreatedAt < at || (c.CreatedAt == at && c.Id < id));
    }

    /// <summary>The URL of the next page: this request's URL with <c>cursor</c> set and <c>page</c> dropped.</summary>
    public string NextLink(HttpRequest request)
    {
        var query = request.Query.Where(q => q.Key is not (Parameter or "page"))
            .SelectMany(q => q.Value.Select(v => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(v ?? "")))
            .Append(Parameter + "=" + ToString());
        return $"<{request.PathBase}{request.Path}?{string.Join("&", query)}>; rel=\"next\"";
    }
}
