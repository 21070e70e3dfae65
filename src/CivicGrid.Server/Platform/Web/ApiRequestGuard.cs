using CivicGrid.Server.Platform.Auth;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace CivicGrid.Server.Platform.Web;

/// <summary>Checks unsafe API requests (POST, PUT, PATCH, DELETE under /api) before authentication:
/// (1) a call that a browser authenticates with the staff cookie must come from this site (Sec-Fetch-Site
/// "same-origin", or else an Origin equal to this site; no header at all is a non-browser client), else 403 —
/// another site's page cannot make a signed-in browser act; (2) a body must be JSON, or multipart where the endpoint
/// takes a file, else 415 naming the Content-Type (a form or text/plain body is what a cross-site form can send).
/// Bearer calls carry their credential explicitly and only meet (2).</summary>
internal static class ApiRequestGuard
{
    // The endpoint routing picks when no endpoint accepts the request's Content-Type; it carries no metadata, so the
    // fallback authorization policy would answer it 401.
    private const string UnsupportedMediaTypeEndpoint = "415 HTTP Unsupported Media Type";

    public static IApplicationBuilder UseApiRequestGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api") || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        {
            await next(context);
            return;
        }
        if (CrossSiteCookieCall(request) is { } crossSite)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiRequestGuard));
            AuthLog.CrossSiteRequestRefused(logger, request.Method, request.Path.Value ?? "", context.Connection.RemoteIpAddress?.ToString(), crossSite);
            await TypedResults.Problem(title: "Forbidden", statusCode: StatusCodes.Status403Forbidden,
                detail: $"A signed-in browser may change data only from this site's own pages ({crossSite}).").ExecuteAsync(context);
            return;
        }
        if (UnacceptedBody(context) is { } unaccepted)
        {
            await TypedResults.Problem(title: "Unsupported Media Type", detail: unaccepted,
                statusCode: StatusCodes.Status415UnsupportedMediaType).ExecuteAsync(context);
            return;
        }
        await next(context);
    });

    /// <summary>Why a cookie-authenticated call looks cross-site; null when it does not.</summary>
    private static string? CrossSiteCookieCall(HttpRequest request)
    {
        if (request.Headers.Authorization.Count > 0 || !request.Cookies.ContainsKey(StaffAuthSchemes.CookieName)) return null;
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
            return fetchSite is "same-origin" or "none" ? null : $"Sec-Fetch-Site is '{AuthLog.Clip(fetchSite)}'";
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0) return null;
        var own = $"{request.Scheme}://{request.Host.Value}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) ? null : $"Origin is '{AuthLog.Clip(origin)}'";
    }

    /// <summary>Why the body's Content-Type is not accepted (naming it); null when it is, or when there is no body.</summary>
    private static string? UnacceptedBody(HttpContext context)
    {
        var request = context.Request;
        var endpoint = context.GetEndpoint();
        var declared = string.IsNullOrEmpty(request.ContentType) ? "none" : AuthLog.Clip(request.ContentType);
        if (endpoint?.DisplayName == UnsupportedMediaTypeEndpoint)
            return $"This endpoint does not take a body of Content-Type '{declared}'.";
        var hasBody = request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
        if (!hasBody) return null;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)) return $"Send the body as JSON (Content-Type: application/json), not Content-Type '{declared}'.";
        if (IsJson(mediaType)) return null;
        var accepted = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? [];
        if (accepted.Any(a => MediaTypeHeaderValue.TryParse(a, out var type) && mediaType.IsSubsetOf(type))) return null;
        return $"Send the body as JSON (Content-Type: application/json), not Content-Type '{declared}'.";
    }

    private static bool IsJson(MediaTypeHeaderValue mediaType) =>
        mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || (mediaType.Type.Equals("application", StringComparison.OrdinalIgnoreCase)
            && mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));
}
