using CivicGrid.Server.Features.Organisation;

namespace CivicGrid.Server.Features.Catalogue;

public static class ReferenceDataServices
{
    /// <summary>The administrators' changes to the catalogue, case standards and departments, and the one signal
    /// (<see cref="ReferenceDataChanges"/>) that tells in-memory copies to go.</summary>
    public static IServiceCollection AddReferenceData(this IServiceCollection services)
    {
        services.AddSingleton<ReferenceDataChanges>();
        services.AddScoped<CatalogueAdministration>();
        services.AddScoped<DepartmentAdministration>();
        services.AddHostedService<UnofferedTypesReport>();
        return services;
    }
}
