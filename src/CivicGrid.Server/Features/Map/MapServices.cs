namespace CivicGrid.Server.Features.Map;

public static class MapServices
{
    /// <summary>The live map's in-memory indexes (singletons, built on first use) and its answer bounds.</summary>
    public static IServiceCollection AddMap(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MapOptions>().Bind(configuration.GetSection(MapOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MapAreas>();
        services.AddSingleton<Basemap>();
        services.AddSingleton<ComponentMap>();
        services.AddSingleton<CaseNaming>();
        return services;
    }
}
