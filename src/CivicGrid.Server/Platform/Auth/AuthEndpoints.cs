using CivicGrid.Data;
using CivicGrid.Domain.Organisation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using CivicGrid.Server.Platform.Errors;

namespace CivicGrid.Server.Platform.Auth;

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Auth");
        auth.MapPost("/token", IssueToken)
            .AllowAnonymous()
            .RequireRateLimiting(SignInRateLimits.PerIpPolicy)
            .WithName("IssueToken")
            .WithSummary("Signs a member of staff in: user name and password → bearer access token.")
            .WithDescription("Send the token as 'Authorization: Bearer <access_token>'. Wrong or unknown credentials answer 401; too many attempts 429 with Retry-After.");
        auth.MapGet("/me", Me)
            .RequireStaff(StaffAuthorization.AnyStaff)
            .WithName("CurrentStaffUser")
            .WithSummary("The signed-in user: roles and data scope.");
        auth.MapGet("/users", ListUsers)
            .RequireStaff(Roles.Administrator)
            .WithName("ListStaffUsers")
            .WithSummary("The staff users of the administrator's city (administrators only).");
        return app;
    }

    private const string BadCredentials = "The user name or password is wrong, or the user is deactivated.";

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> IssueToken(
        TokenRequest? body, HttpContext http, StaffSignIn signIn, FailedSignInLimiter limiter, TokenIssuer issuer,
        ILoggerFactory logging, CancellationToken cancellationToken)
    {
        var logger = logging.CreateLogger(typeof(AuthEndpoints));
        // The fields' rules are declared on TokenRequest and checked before this runs; a null body skips them.
        if (body is null) throw FieldErrors.Invalid("body", "Send a JSON object with username and password.");
        var userName = body.Username!.Trim();
        var remoteIp = http.Connection.RemoteIpAddress?.ToString();
        if (limiter.IsBlocked(userName, remoteIp, out var retryAfter))
        {
            AuthLog.SignInRateLimited(logger, remoteIp, AuthLog.Clip(userName), "too many failed sign-ins for this user name from this address");
            return SignInRateLimits.TooManyRequests(http, retryAfter);
        }

        var result = await signIn.CheckAsync(userName, body.Password!, cancellationToken);
        if (result.User is not { } user)
        {
            limiter.RecordFailure(userName, remoteIp);
            AuthLog.SignInFailed(logger, AuthLog.Clip(userName), remoteIp, result.FailureReason!);
            return TypedResults.Problem(title: "Unauthorized", detail: BadCredentials, statusCode: StatusCodes.Status401Unauthorized);
        }

        var token = await issuer.IssueAsync(user, cancellationToken);
        AuthLog.SignedIn(logger, user.UserName, user.Id, remoteIp);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new TokenResponse(
            token.AccessToken, "Bearer", (int)token.Lifetime.TotalSeconds, StaffUserView.Of(user)));
    }

    private static Ok<StaffUserView> Me(StaffPrincipal who) => TypedResults.Ok(StaffUserView.Of(who));

    private static async Task<Ok<List<StaffUserListItem>>> ListUsers(
        StaffPrincipal who, CivicGridDbContext db, CancellationToken cancellationToken)
    {
        var users = await db.StaffUsers.AsNoTracking()
            .Where(u => u.CityCode == who.CityCode)
            .OrderBy(u => u.UserName)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(users.Select(u =>
        {
            var view = StaffUserView.Of(u);
            return new StaffUserListItem(u.Id, u.UserName, u.DisplayName, view.Roles, view.Scope, u.CityCode, u.IsActive);
        }).ToList());
    }
}
