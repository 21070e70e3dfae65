using Microsoft.AspNetCore.RateLimiting;

namespace CivicGrid.Server.Features.Geography;

public static class GeographyServices
{
    /// <summary>Places and addresses from the city model (an in-memory index beside the grid locator) and the limit on
    /// public look-ups.</summary>
    public static IServiceCollection AddPlaces(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PlaceOptions>().Bind(configuration.GetSection(PlaceOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.Configure<RateLimiterOptions>(PlaceLookupLimits.Configure);
        services.AddSingleton<CityPlaces>();
        return services;
    }
}
