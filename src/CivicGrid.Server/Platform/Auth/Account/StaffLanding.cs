using CivicGrid.Domain.Organisation;

namespace CivicGrid.Server.Platform.Auth.Account;

/// <summary>Where a person lands after signing in without a page to return to (issue 18 items 5 and 6):
/// <list type="bullet">
/// <item>an inspector on a phone → <c>/m</c> (their tasks and the report form);</item>
/// <item>a leader with no work queue of their own → <c>/dashboard</c>;</item>
/// <item>everyone else → <c>/</c> (my work queues).</item>
/// </list>
/// "On a phone" is either of two signs, so that one missing does not send a phone to the desktop: the user agent says
/// "Mobi" (Android and iOS phone browsers do; MDN's advice for detecting a phone) or "Android", or the sign-in form
/// reports a window at most <see cref="PhoneWidth"/> CSS pixels wide (site.js fills the hidden field; a desktop window
/// squeezed that narrow is treated as a phone, which is what it then looks like).</summary>
internal static class StaffLanding
{
    public const int PhoneWidth = 640;

    /// <summary>Roles whose work starts at the queues ("my work").</summary>
    private const Roles QueueRoles = Roles.IntakeOperator | Roles.ShiftLead | Roles.Dispatcher | Roles.DepartmentHandler | Roles.EnforcementOfficer;

    public static string For(Roles roles, string? userAgent, int? windowWidth)
    {
        if ((roles & Roles.Inspector) != 0 && IsPhone(userAgent, windowWidth)) return "/m";
        if ((roles & Roles.Leader) != 0 && (roles & QueueRoles) == 0) return "/dashboard";
        return "/";
    }

    public static bool IsPhone(string? userAgent, int? windowWidth) =>
        windowWidth is > 0 and <= PhoneWidth
        || (userAgent is not null && (userAgent.Contains("Mobi", StringComparison.Ordinal) || userAgent.Contains("Android", StringComparison.Ordinal)));

    /// <summary>The page after sign-in: the local return URL asked for, or (none, or the home page) the landing.</summary>
    public static string After(string? returnUrl, Roles roles, string? userAgent, int? windowWidth)
    {
        var local = LocalUrls.OrHome(returnUrl);
        return local == "/" ? For(roles, userAgent, windowWidth) : local;
    }
}
