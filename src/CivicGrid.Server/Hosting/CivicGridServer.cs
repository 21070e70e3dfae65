using System.Text.Json.Serialization;
using CivicGrid.Server.Features.Auth;
using CivicGrid.Server.Features.Cases;
using CivicGrid.Server.Features.Catalogue;
using CivicGrid.Server.Features.Evaluation;
using CivicGrid.Server.Features.Geography;
using CivicGrid.Server.Features.Health;
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
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(DefaultUrl);
        builder.Services.AddSingleton(flags);
        builder.Logging.UseCivicGridConsole(builder.Configuration);

        builder.Services.AddCivicGridCore(builder.Configuration);
        builder.Services.AddCivicGridHealthChecks();
        builder.Services.AddProblemDetails();
        builder.Services.AddStaffAuth(builder.Configuration);
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddHostedService<StartupTasks>();
        builder.Services.AddDeadlineMonitor();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/docs", scalar => scalar.WithTitle("CivicGrid API")).AllowAnonymous();
        app.MapHealthEndpoints();
        app.MapGeographyEndpoints();
        app.MapCatalogueEndpoints();
        app.MapAuthEndpoints();
        app.MapCaseEndpoints();
        app.MapEvaluationEndpoints();
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
