namespace CivicGrid.Server.Platform.Web;

/// <summary>Headers on every answer (docs/operations.md, "Security headers"): a Content-Security-Policy that lets the
/// pages run only this site's script files (no inline script, no inline event handlers, no eval), nosniff, and a
/// Referrer-Policy that never sends a page's path to another site. Set just before the headers go out, so error
/// answers carry them too.</summary>
internal static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var policy = ContentSecurityPolicy(app.ApplicationServices.GetRequiredService<IConfiguration>()["Map:TileUrl"]);
        return app.Use((context, next) =>
        {
            var response = context.Response;
            response.OnStarting(() =>
            {
                response.Headers.XContentTypeOptions = "nosniff";
                response.Headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                // The API reference page (Scalar) runs an inline start-up script: it alone goes without the policy.
                if (!context.Request.Path.StartsWithSegments("/api/docs")) response.Headers.ContentSecurityPolicy = policy;
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    /// <summary>Styles may be inline: ECharts' tooltips and Blazor's reconnection dialog write style attributes;
    /// a style cannot run script. Images may come from the configured basemap's host.</summary>
    internal static string ContentSecurityPolicy(string? tileUrl) => string.Join("; ",
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        $"img-src 'self' data: blob:{(TileSource(tileUrl) is { } tiles ? " " + tiles : "")}",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'");

    /// <summary>The CSP source of an XYZ tile template: "https://{s}.tile.example/{z}/{x}/{y}.png" → "https://*.tile.example";
    /// a host with other placeholders falls back to its scheme ("https:").</summary>
    internal static string? TileSource(string? template)
    {
        if (string.IsNullOrWhiteSpace(template)) return null;
        var schemeEnd = template.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0) return null;
        var scheme = template[..schemeEnd].ToLowerInvariant();
        if (scheme is not ("http" or "https")) return null;
        var rest = template[(schemeEnd + 3)..];
        var hostEnd = rest.IndexOfAny(['/', '?', '#']);
        var host = (hostEnd < 0 ? rest : rest[..hostEnd]).Replace("{s}", "*", StringComparison.Ordinal);
        var plain = host.Length > 0 && host.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '*')
            && (!host.Contains('*', StringComparison.Ordinal) || (host.StartsWith("*.", StringComparison.Ordinal) && host.LastIndexOf('*') == 0));
        return plain ? $"{scheme}://{host}" : scheme + ":";
    }
}
