using CivicGrid.Server.Platform.LiveUpdates;

namespace CivicGrid.Server.Features.Catalogue;

public static class ReferenceDataServices
{
    /// <summary>The administrators' changes to the catalogue, case standards and departments, and the one signal
    /// (<see cref="ReferenceDataChanges"/>) that tells in-memory copies to go.</summary>
    public static IServiceCollection AddReferenceData(this IServiceCollection services)
    {
        services.AddSingleton<ReferenceDataChanges>();
        services.AddSingleton<IClusterSignal>(provider => provider.GetRequiredService<ReferenceDataChanges>());
        services.AddScoped<CatalogueAdministration>();
        services.AddScoped<CatalogueReader>();
        services.AddSingleton<ReferenceCache>();
        services.AddHostedService<UnofferedTypesReport>();
        return services;
    }
}
