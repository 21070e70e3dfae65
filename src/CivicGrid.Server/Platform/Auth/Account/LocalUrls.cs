namespace CivicGrid.Server.Platform.Auth.Account;

/// <summary>Return URLs after sign-in or a language switch: only paths on this site, never an absolute or
/// protocol-relative URL (which would make those pages open redirects), and never one with a control character: a
/// browser drops a tab or line break, so "/\t/evil.example" would become "//evil.example" (and a local redirect refuses
/// it with an exception, a 500).</summary>
internal static class LocalUrls
{
    public static string OrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
        && !url.Any(char.IsControl)
            ? url : "/";
}
