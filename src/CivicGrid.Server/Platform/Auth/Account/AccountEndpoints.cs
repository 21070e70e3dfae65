using CivicGrid.Server.Platform.Web.Localisation;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Localization;

namespace CivicGrid.Server.Platform.Auth.Account;

/// <summary>Sign-out and the language switch of the web UI.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/logout", async (HttpContext http) =>
        {
            // The antiforgery middleware only records its verdict (it rejects when a handler binds the form, which
            // this one does not), so the handler checks it: another site must not be able to sign a user out.
            if (http.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
                return Results.Problem(title: "Sign-out refused", statusCode: StatusCodes.Status400BadRequest,
                    detail: "The sign-out form's antiforgery token is missing or wrong: sign out with the button on a page of this site.");
            await http.SignOutAsync(StaffAuthSchemes.Cookie);
            return Results.LocalRedirect("/login");
        }).AllowAnonymous().WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();

        app.MapGet("/culture", (string? lang, string? returnUrl, HttpContext http) =>
        {
            var language = UiText.Languages.Contains(lang) ? lang! : UiText.Chinese;
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = http.Request.IsHttps });
            return Results.LocalRedirect(LocalUrls.OrHome(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
