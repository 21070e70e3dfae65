namespace CivicGrid.Server.Features.Organisation;

public static class OrganisationServices
{
    /// <summary>The administration of departments, staff users and routing rules (the API and the pages share them).</summary>
    public static IServiceCollection AddOrganisation(this IServiceCollection services)
    {
        services.AddScoped<DepartmentAdministration>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<RoutingRuleAdministration>();
        return services;
    }

    /// <summary>The administrators' endpoints for departments, users and routing rules.</summary>
    public static IEndpointRouteBuilder MapOrganisationEndpoints(this IEndpointRouteBuilder app) =>
        app.MapDepartmentEndpoints().MapUserEndpoints().MapRoutingRuleEndpoints();
}
