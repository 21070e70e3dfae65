using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Features.Cases;

public static class CaseServices
{
    public static IServiceCollection AddCases(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CaseOptions>().Bind(configuration.GetSection(CaseOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CaseOptions>, CaseOptionsValidator>();
        services.AddSingleton<Idempotency>();
        services.AddSingleton<CatalogueTypeCheck>();
        services.AddSingleton<Platform.LiveUpdates.CaseEventHub>();
        services.AddSingleton<CaseWriter>();
        services.AddScoped<CaseIntake>();
        services.AddScoped<CaseTransitions>();
        services.AddScoped<CaseViews>();
        services.AddScoped<RoutingExplanation>();
        services.AddScoped<QueueSteps>();
        return services;
    }

    /// <summary>The deadline job runs in the server only (the CLI verbs do not start hosted services).</summary>
    public static IServiceCollection AddDeadlineMonitor(this IServiceCollection services)
    {
        services.AddSingleton<DeadlineMonitor>();
        services.AddHostedService(provider => provider.GetRequiredService<DeadlineMonitor>());
        return services;
    }

    private sealed class CaseOptionsValidator : IValidateOptions<CaseOptions>
    {
        public ValidateOptionsResult Validate(string? name, CaseOptions options) =>
            options.Validate() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
