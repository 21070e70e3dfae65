using CivicGrid.Server.Features.Cases;

namespace CivicGrid.Server.Features.Open311;

/// <summary>Keyset paging of GET requests (an extension, issue 16): the list runs newest first by
/// (requested_datetime, internal id); <c>cursor</c> is a <see cref="CaseCursor"/> naming the last request of the
/// previous page. The answer's <c>Link: &lt;…&gt;; rel="next"</c> header carries it whenever the page is full.</summary>
public static class Open311Cursor
{
    public const string Parameter = "cursor";

    public static CaseCursor? Read(Open311Parameters p)
    {
        if (p[Parameter] is not { } text) return null;
        if (CaseCursor.TryParse(text, out var cursor)) return cursor;
        p.Errors.Add($"{Parameter} must be the value of a previous answer's Link rel=\"next\" (got '{Open311Form.Shown(text)}').");
        return null;
    }

    /// <summary>The URL of the next page: this request's URL with <c>cursor</c> set and <c>page</c> dropped.</summary>
    public static string NextLink(CaseCursor cursor, HttpRequest request)
    {
        var query = request.Query.Where(q => q.Key is not (Parameter or "page"))
            .SelectMany(q => q.Value.Select(v => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(v ?? "")))
            .Append(Parameter + "=" + cursor);
        return $"<{request.PathBase}{request.Path}?{string.Join("&", query)}>; rel=\"next\"";
    }
}
