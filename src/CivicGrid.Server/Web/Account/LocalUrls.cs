namespace CivicGrid.Server.Web.Account;

/// <summary>Return URLs after sign-in or a language switch: only paths on this site, never an absolute or
/// protocol-relative URL (which would make those pages open redirects).</summary>
internal static class LocalUrls
{
    public static string OrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url : "/";
}
