using CivicGrid.Domain.Organisation;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Platform.Auth;

public static class AuthServices
{
    /// <summary>Staff authentication (bearer tokens behind the <see cref="StaffAuthSchemes.Staff"/> policy scheme),
    /// role authorization with logged ProblemDetails denials, and the sign-in rate limits.</summary>
    public static IServiceCollection AddStaffAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptions.Validator>();

        services.AddAuthentication(StaffAuthSchemes.Staff)
            .AddPolicyScheme(StaffAuthSchemes.Staff, "Staff", scheme => scheme.ForwardDefaultSelector = StaffAuthSchemes.Select)
            .AddJwtBearer(StaffAuthSchemes.Bearer)
            .AddCookie(StaffAuthSchemes.Cookie);
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerSetup>();
        services.AddSingleton<IConfigureOptions<CookieAuthenticationOptions>, StaffCookieSetup>();
        // Secure by default: an endpoint that names no policy needs a signed-in member of staff; public endpoints
        // (health, API description, grid lookup, catalogue, sign-in) say AllowAnonymous explicitly.
        services.AddAuthorization(options => options.FallbackPolicy = new AuthorizationPolicyBuilder(StaffAuthSchemes.Staff)
            .RequireAuthenticatedUser().Build());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthorizationDenials>();
        services.AddRateLimiter(SignInRateLimits.Configure);

        services.AddSingleton<SigningKeyStore>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<FailedSignInLimiter>();
        services.AddSingleton<StaffAccessCache>();
        services.AddSingleton<LiveUpdates.IClusterSignal>(provider => provider.GetRequiredService<StaffAccessCache>());
        services.AddSingleton<IPasswordHasher<StaffUser>, PasswordHasher<StaffUser>>();
        services.AddScoped<StaffSignIn>();
        return services;
    }
}
