namespace CivicGrid.Server.Features.Organisation;

public static class OrganisationServices
{
    /// <summary>The administration of departments, staff users and routing rules (the API and the pages share them),
    /// and the place names every page reads (<see cref="PlaceNames"/>).</summary>
    public static IServiceCollection AddOrganisation(this IServiceCollection services)
    {
        services.AddScoped<DepartmentAdministration>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<RoutingRuleAdministration>();
        services.AddSingleton<PlaceNames>();
        services.AddScoped<DepartmentChoices>();
        return services;
    }

    /// <summary>The administrators' endpoints for departments, users and routing rules.</summary>
    public static IEndpointRouteBuilder MapOrganisationEndpoints(this IEndpointRouteBuilder app) =>
        app.MapDepartmentEndpoints().MapUserEndpoints().MapRoutingRuleEndpoints();
}
