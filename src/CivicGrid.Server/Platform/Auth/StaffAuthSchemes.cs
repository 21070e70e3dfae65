using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace CivicGrid.Server.Platform.Auth;

/// <summary>Authentication schemes. <see cref="Staff"/> is the default: a policy scheme that picks the real one per
/// request — bearer tokens for API clients, the UI's cookie for browsers. A request with an Authorization header is a
/// bearer request; one with the UI cookie is a cookie request; otherwise API paths answer like bearer endpoints
/// (401 ProblemDetails) and UI paths like pages (redirect to the sign-in page).</summary>
public static class StaffAuthSchemes
{
    public const string Staff = "Staff";
    public const string Bearer = JwtBearerDefaults.AuthenticationScheme;
    public const string Cookie = "StaffCookie";
    public const string CookieName = "civicgrid.staff";

    internal static string Select(HttpContext context)
    {
        if (context.Request.Headers.Authorization.Count > 0) return Bearer;
        if (context.Request.Cookies.ContainsKey(CookieName)) return Cookie;
        return IsApiPath(context.Request.Path) ? Bearer : Cookie;
    }

    /// <summary>Machine-facing paths: errors there are ProblemDetails (or Open311 errors), never redirects.</summary>
    public static bool IsApiPath(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/open311") || path.StartsWithSegments("/openapi")
        || path.StartsWithSegments("/healthz");
}
