using System.Text.Json.Serialization;
using CivicGrid.Server.Features.Calendar;
using CivicGrid.Server.Features.Cases;
using CivicGrid.Server.Features.Catalogue;
using CivicGrid.Server.Features.CommandCentre;
using CivicGrid.Server.Features.Evaluation;
using CivicGrid.Server.Features.Geography;
using CivicGrid.Server.Features.Map;
using CivicGrid.Server.Features.Open311;
using CivicGrid.Server.Features.Open311.ApiKeys;
using CivicGrid.Server.Features.Organisation;
using CivicGrid.Server.Features.PublicService;
using CivicGrid.Server.Platform.Attachments;
using CivicGrid.Server.Platform.Auth;
using CivicGrid.Server.Platform.Errors;
using CivicGrid.Server.Platform.Backup;
using CivicGrid.Server.Platform.DataProtection;
using CivicGrid.Server.Platform.Health;
using CivicGrid.Server.Platform.LiveUpdates;
using CivicGrid.Server.Platform.Runtime;
using CivicGrid.Server.Platform.Telemetry;
using CivicGrid.Server.Platform.Web;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace CivicGrid.Server.Hosting;

/// <summary>Builds and runs the web server.</summary>
public static class CivicGridServer
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>Builds the application; tests pass <paramref name="configure"/> to swap services such as the clock.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var flags = StartupFlags.Parse(args);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = flags.RemainingArgs,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(CivicGridServer).Assembly.GetName().Name,
        });
        // Serve the UI's static files (our wwwroot and the Blazor framework script) from the build output's
        // manifest too, not only in Development: the platform runs from the build output (README).
        builder.WebHost.UseStaticWebAssets();
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(DefaultUrl);
        builder.Services.AddSingleton(flags);
        builder.Logging.UseCivicGridConsole(builder.Configuration);

        builder.Services.AddCivicGridCore(builder.Configuration);
        builder.Services.AddCivicGridHealthChecks().AddCheck<CalendarHealthCheck>("calendar", tags: ["ready"]);
        builder.Services.AddErrorPipeline();
        builder.Services.AddStaffAuth(builder.Configuration);
        ProxyOptions.AddProxySupport(builder.Services, builder.Configuration);
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddHostedService<StartupTasks>();
        builder.Services.AddDeadlineMonitor();
        builder.Services.AddStaffUi();
        builder.Services.AddLiveUpdateRelay();
        builder.Services.AddSqliteInUseMarker();
        builder.Services.AddDatabaseDataProtection();
        builder.Services.AddCivicGridTelemetry(builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();
        if (app.Services.GetRequiredService<TimeProvider>() is TestClock)
        {
            Console.Error.WriteLine($"WARNING: {TestClock.Setting} is set: the clock is moved by a file. For tests only, never in production.");
        }
        // Behind the TLS proxy: the client's address and scheme first, so that HSTS, Secure cookies and the per-client
        // rate limits see them (docs/operations.md, "Behind a TLS proxy").
        app.UseForwardedHeaders();
        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.HstsMaxAge > TimeSpan.Zero) app.UseHsts();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseWhen(http => StaffAuthSchemes.IsApiPath(http.Request.Path), api => api.UseStatusCodePages());
        app.UseRequestLocalization(StaffUi.Localization);
        app.UseClientLibraries();
        app.UseApiRequestGuard();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseRateLimiter();
        app.UseCaseLogScope();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/docs", scalar => scalar.WithTitle("CivicGrid API")).AllowAnonymous();
        app.MapHealthEndpoints();
        app.MapGeographyEndpoints();
        app.MapCatalogueEndpoints();
        app.MapCalendarEndpoints();
        app.MapAuthEndpoints();
        app.MapCaseEndpoints();
        app.MapMapEndpoints();
        app.MapStaffUi();
        app.MapPublicServiceEndpoints();
        app.MapOpen311Endpoints().MapApiKeyEndpoints();
        app.MapEvaluationEndpoints();
        app.MapCommandCentreEndpoints();
        app.MapOrganisationEndpoints();
        return app;
    }

    /// <summary>The run command: serve until stopped. A bad setting stops the start with a message naming it.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            await using var app = Build(args);
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException exception)
        {
            await Console.Error.WriteLineAsync("CivicGrid cannot start, a setting is wrong:");
            foreach (var failure in exception.Failures) await Console.Error.WriteLineAsync("  " + failure);
            return 2;
        }
        catch (InvalidOperationException exception) when (exception.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync("CivicGrid cannot start, a setting is wrong: " + exception.Message);
            return 2;
        }
    }
}
