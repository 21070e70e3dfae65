using System.Security.Claims;
using CivicGrid.Data;
using CivicGrid.Domain.Organisation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Platform.Auth;

/// <summary>The web UI's sign-in cookie: HttpOnly, SameSite=Strict (so other sites cannot make a signed-in browser
/// post to us), as long-lived as a bearer token, sliding. Every request re-checks the user like a bearer token does.
/// API paths answer 401/403 ProblemDetails instead of redirecting.</summary>
internal sealed class StaffCookieSetup(IOptions<AuthOptions> auth, TimeProvider time, ILogger<StaffCookieSetup> logger)
    : IConfigureNamedOptions<CookieAuthenticationOptions>
{
    public void Configure(CookieAuthenticationOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, CookieAuthenticationOptions options)
    {
        if (name != StaffAuthSchemes.Cookie) return;
        options.Cookie.Name = StaffAuthSchemes.CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Cookie.IsEssential = true;
        options.LoginPath = "/login";
        options.LogoutPath = "/logout";
        options.AccessDeniedPath = "/forbidden";
        options.ExpireTimeSpan = auth.Value.TokenLifetime;
        options.SlidingExpiration = true;
        options.TimeProvider = time;
        options.Events = new CookieAuthenticationEvents
        {
            OnValidatePrincipal = ValidateAsync,
            OnRedirectToLogin = context => AnswerApiOr(context, StatusCodes.Status401Unauthorized, "Sign in first."),
            OnRedirectToAccessDenied = context => AnswerApiOr(context, StatusCodes.Status403Forbidden, "Your roles do not allow this."),
        };
    }

    /// <summary>The principal a signed-in user's cookie carries (the same claims as a bearer token).</summary>
    public static ClaimsPrincipal PrincipalFor(StaffUser user) =>
        new(new ClaimsIdentity(StaffClaims.For(user), StaffAuthSchemes.Cookie, StaffClaims.UserName, StaffClaims.Role));

    private async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is null || StaffPrincipal.From(context.Principal) is not { } staff)
        {
            context.RejectPrincipal();
            return;
        }
        var db = context.HttpContext.RequestServices.GetRequiredService<CivicGridDbContext>();
        if (await StaffUserCheck.WhyNotCurrentAsync(db, context.HttpContext.RequestServices.GetRequiredService<StaffAccessCache>(), staff, context.HttpContext.RequestAborted) is { } reason)
        {
            AuthLog.AuthenticationRequired(logger, context.Request.Method, context.Request.Path,
                context.HttpContext.Connection.RemoteIpAddress?.ToString(), reason);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(StaffAuthSchemes.Cookie);
        }
    }

    private static Task AnswerApiOr(RedirectContext<CookieAuthenticationOptions> context, int status, string detail)
    {
        if (!StaffAuthSchemes.IsApiPath(context.Request.Path))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }
        return TypedResults.Problem(title: status == 401 ? "Unauthorized" : "Forbidden", detail: detail, statusCode: status)
            .ExecuteAsync(context.HttpContext);
    }
}
