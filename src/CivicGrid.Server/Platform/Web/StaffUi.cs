using CivicGrid.Server.Platform.Auth.Account;
using CivicGrid.Server.Platform.Web.Localisation;
using CivicGrid.Server.Platform.Web.Shared;
using Microsoft.AspNetCore.Localization;

namespace CivicGrid.Server.Platform.Web;

/// <summary>The staff web UI: Blazor components rendered on the server (static by default, interactive where a view
/// updates live), Leaflet and ECharts served from the build output (installed from npm at build time; no CDN).</summary>
public static class StaffUi
{
    public static RequestLocalizationOptions Localization { get; } = new RequestLocalizationOptions()
        .SetDefaultCulture(UiText.Chinese)
        .AddSupportedCultures(UiText.Chinese, UiText.English)
        .AddSupportedUICultures(UiText.Chinese, UiText.English)
        .Apply(options => options.RequestCultureProviders = [new CookieRequestCultureProvider()]);

    public static IServiceCollection AddStaffUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        // Pages are UTF-8: write every Unicode letter as itself (Chinese stayed numeric entities with the default
        // Latin-only encoder). Markup characters (< > & " ') are still escaped.
        services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        // Secure when the request is HTTPS (behind the TLS proxy too), like the sign-in cookie.
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddCascadingAuthenticationState();
        services.AddSingleton<UiText>();
        services.AddSingleton<CityClock>();
        services.AddSingleton(new ClientLibs(Path.Combine(AppContext.BaseDirectory, "clientlibs")));
        return services;
    }

    /// <summary>/lib/leaflet/…, /lib/echarts/… from the folder the build copies out of node_modules (see <see cref="ClientLibs"/>).</summary>
    public static IApplicationBuilder UseClientLibraries(this IApplicationBuilder app) =>
        app.Use(app.ApplicationServices.GetRequiredService<ClientLibs>().ServeAsync);

    public static WebApplication MapStaffUi(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static RequestLocalizationOptions Apply(this RequestLocalizationOptions options, Action<RequestLocalizationOptions> change)
    {
        change(options);
        return options;
    }
}
