using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Server.Platform.Auth;

/// <summary>Denials from inside an endpoint handler, each logged as <see cref="AuthLog.AccessDenied"/>:
/// <list type="bullet">
/// <item><see cref="Forbidden"/>: the user may see the object but lacks the right for this action → 403.</item>
/// <item><see cref="NotFoundOutOfScope"/>: the object lies outside the user's data scope → 404, the same answer as
/// for an object that does not exist, so that a scope cannot be probed for ids.</item>
/// </list>
/// Both return a typed result that fits in <c>Results&lt;…, ProblemHttpResult&gt;</c>.</summary>
public static class AccessCheck
{
    /// <param name="action">What was attempted, e.g. "dispatch".</param>
    /// <param name="resource">What it was attempted on, e.g. "case HK2026112600001".</param>
    /// <param name="reason">Why it is refused, for the log and the answer's detail.</param>
    public static ProblemHttpResult Forbidden(StaffPrincipal who, string action, string resource, string reason, ILogger log)
    {
        AuthLog.AccessDenied(log, StatusCodes.Status403Forbidden, who.UserName, who.UserId, who.Roles, action, resource, reason);
        return TypedResults.Problem(
            title: "Forbidden",
            detail: $"You may not {action} {resource}: {reason}",
            statusCode: StatusCodes.Status403Forbidden);
    }

    /// <summary>403 because the user holds none of <paramref name="anyOf"/>.</summary>
    public static ProblemHttpResult MissingRole(StaffPrincipal who, Domain.Organisation.Roles anyOf, string action, string resource, ILogger log) =>
        Forbidden(who, action, resource, $"requires one of the roles {anyOf}", log);

    /// <param name="resource">The object as the client named it, e.g. "case HK2026112600001".</param>
    public static ProblemHttpResult NotFoundOutOfScope(StaffPrincipal who, string action, string resource, ILogger log)
    {
        AuthLog.AccessDenied(log, StatusCodes.Status404NotFound, who.UserName, who.UserId, who.Roles, action, resource,
            $"outside the data scope {Describe(who.Scope)}");
        return NotFound(resource);
    }

    /// <summary>The 404 answer for an object that does not exist; out-of-scope answers look exactly the same.</summary>
    public static ProblemHttpResult NotFound(string resource) => TypedResults.Problem(
        title: "Not found",
        detail: $"There is no {resource}.",
        statusCode: StatusCodes.Status404NotFound);

    internal static string Describe(Domain.Organisation.DataScope scope) => scope.Kind switch
    {
        Domain.Organisation.DataScopeKind.City => "city",
        Domain.Organisation.DataScopeKind.Department => $"department {scope.DepartmentId}",
        _ => $"{scope.Kind.ToString().ToLowerInvariant()} {scope.DivisionCode}",
    };
}
