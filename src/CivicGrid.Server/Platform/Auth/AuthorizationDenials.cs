using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CivicGrid.Server.Platform.Auth;

/// <summary>Turns the authorization middleware's refusals into ProblemDetails: a forbidden request answers 403 and
/// is logged with the user, their roles, the endpoint and the failed requirement; a challenge goes to the
/// authentication scheme (401, see <see cref="JwtBearerSetup"/>).</summary>
internal sealed class AuthorizationDenials(ILogger<AuthorizationDenials> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden || StaffPrincipal.From(context.User) is not { } who)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var failed = authorizeResult.AuthorizationFailure?.FailedRequirements.Select(r => r.ToString()) ?? [];
        var reason = "requires " + string.Join(" and ", failed);
        var resource = context.Request.Method + " " + context.Request.Path;
        var denied = AccessCheck.Forbidden(who, "call", resource, reason, logger);
        if (StaffAuthSchemes.IsApiPath(context.Request.Path)) await denied.ExecuteAsync(context);
        else await _default.HandleAsync(next, context, policy, authorizeResult); // a page: the cookie scheme shows /forbidden

    }
}
