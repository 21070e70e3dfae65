namespace CivicGrid.Server.Interchange;

public static class ImportExportServices
{
    /// <summary>Registers the importers and exporters (scoped: each works on the scope's DbContext).</summary>
    public static IServiceCollection AddImportExport(this IServiceCollection services)
    {
        services.AddScoped<BoundaryImporter>();
        services.AddScoped<GridImporter>();
        services.AddScoped<ComponentImporter>();
        services.AddScoped<CatalogueImporter>();
        services.AddScoped<BoundaryExporter>();
        services.AddScoped<GridExporter>();
        services.AddScoped<ComponentExporter>();
        services.AddScoped<CatalogueExporter>();
        return services;
    }
}
