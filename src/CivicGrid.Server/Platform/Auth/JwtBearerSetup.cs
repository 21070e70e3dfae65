using CivicGrid.Data;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CivicGrid.Server.Platform.Auth;

/// <summary>How bearer tokens are checked: issuer, audience, HS256 signature by a database key, lifetime against
/// the injected <see cref="TimeProvider"/>; then the user must still exist, be active and hold the same roles and
/// scope as when the token was issued. Refusals answer 401 ProblemDetails and are logged.</summary>
internal sealed class JwtBearerSetup(
    IOptions<AuthOptions> auth, SigningKeyStore keys, TimeProvider time, ILogger<JwtBearerSetup> logger)
    : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != StaffAuthSchemes.Bearer) return;
        options.MapInboundClaims = false;
        options.TimeProvider = time;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = auth.Value.Issuer,
            ValidAudience = auth.Value.Issuer,
            ValidAlgorithms = [SigningKeyStore.Algorithm],
            IssuerSigningKeyResolver = (_, _, _, _) => keys.ValidationKeys,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            LifetimeValidator = ValidateLifetime,
            NameClaimType = StaffClaims.UserName,
            RoleClaimType = StaffClaims.Role,
        };
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = async context => await keys.EnsureLoadedAsync(context.HttpContext.RequestAborted),
            OnTokenValidated = CheckUserIsCurrentAsync,
            OnChallenge = ChallengeAsync,
        };
    }

    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    // IdentityModel's own lifetime check reads the system clock; this one reads the injected TimeProvider, so that
    // tests that move a fake clock expire tokens. The skew allows for instances whose clocks differ slightly.
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null) throw new SecurityTokenNoExpirationException("The token has no expiry.");
        if (notBefore is { } start && start > now + ClockSkew)
            throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = start };
        if (expires.Value < now - ClockSkew)
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
        return true;
    }

    private static async Task CheckUserIsCurrentAsync(TokenValidatedContext context)
    {
        if (context.Principal is null || StaffPrincipal.From(context.Principal) is not { } staff)
        {
            context.Fail("The token does not describe a staff user.");
            return;
        }
        var db = context.HttpContext.RequestServices.GetRequiredService<CivicGridDbContext>();
        if (await StaffUserCheck.WhyNotCurrentAsync(db, context.HttpContext.RequestServices.GetRequiredService<StaffAccessCache>(), staff, context.HttpContext.RequestAborted) is { } reason) context.Fail(reason);
    }

    private async Task ChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var http = context.HttpContext;
        var reason = context.AuthenticateFailure switch
        {
            null => "no bearer token",
            SecurityTokenExpiredException => "the token has expired",
            SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "the token's signature is not valid",
            { } failure => failure.Message,
        };
        AuthLog.AuthenticationRequired(logger, http.Request.Method, http.Request.Path, http.Connection.RemoteIpAddress?.ToString(), reason);
        http.Response.Headers.WWWAuthenticate = context.AuthenticateFailure is null
            ? "Bearer"
            : "Bearer error=\"invalid_token\"";
        await TypedResults.Problem(
            title: "Unauthorized",
            detail: context.AuthenticateFailure is null
                ? "Sign in: send the access token from POST /api/v1/auth/token as 'Authorization: Bearer <token>'."
                : "The access token is not valid (expired, altered or revoked); sign in again.",
            statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(http);
    }
}
