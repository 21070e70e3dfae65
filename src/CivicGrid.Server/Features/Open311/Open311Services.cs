using CivicGrid.Server.Platform.LiveUpdates;
using CivicGrid.Server.Features.Open311.ApiKeys;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Features.Open311;

public static class Open311Services
{
    /// <summary>Open311 and the API keys it checks.</summary>
    public static IServiceCollection AddOpen311(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Open311Options>().Bind(configuration.GetSection(Open311Options.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Open311Options>, Open311OptionsValidator>();
        services.AddSingleton<Open311RateLimits>();
        services.AddSingleton<ApiKeyUsage>();
        services.AddHostedService<ApiKeyUsageFlusher>();
        services.AddScoped<ApiKeyVerifier>();
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<IClusterSignal>(provider => provider.GetRequiredService<ApiKeyCache>());
        services.AddScoped<Open311City>();
        services.AddSingleton<Open311City.Cities>();
        services.AddScoped<Open311RequestViews>();
        return services;
    }

    private sealed class Open311OptionsValidator : IValidateOptions<Open311Options>
    {
        public ValidateOptionsResult Validate(string? name, Open311Options options) =>
            options.Validate() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
